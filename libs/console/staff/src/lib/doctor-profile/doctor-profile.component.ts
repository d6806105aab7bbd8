import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { I18n, Notifier, TranslatePipe } from '@consultorio/console/core';
import type { DoctorDto } from '@consultorio/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { DoctorDialogComponent, type DoctorDialogData } from '../doctor-dialog/doctor-dialog.component';
import { ScheduleExceptionsComponent } from '../exceptions/schedule-exceptions.component';
import { StaffCatalog } from '../shared/staff-catalog';
import { WeeklyHoursEditorComponent } from '../weekly-hours/weekly-hours-editor.component';
import { DoctorProfileStore } from './doctor-profile.store';

/** One doctor: profile, weekly hours per location, and exceptions (special hours, blocks). */
@Component({
  selector: 'cs-doctor-profile',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTabsModule,
    RouterLink,
    ScheduleExceptionsComponent,
    TranslatePipe,
    WeeklyHoursEditorComponent,
  ],
  providers: [DoctorProfileStore],
  templateUrl: './doctor-profile.component.html',
  styleUrl: './doctor-profile.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DoctorProfileComponent {
  protected readonly store = inject(DoctorProfileStore);
  protected readonly catalog = inject(StaffCatalog);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  /** The doctor's id, from the address. */
  readonly id = input.required<string>();

  protected readonly today = computed(() => {
    this.catalog.timeZone();
    return this.catalog.today();
  });
  /** The doctor's locations, in the catalog's order. */
  protected readonly locations = computed(() => {
    const ids = new Set(this.store.doctor()?.locationIds ?? []);
    return this.catalog.locations().filter((location) => ids.has(location.id));
  });
  protected readonly specialties = computed(
    () => this.store.doctor()?.specialtyIds.map((id) => this.catalog.specialtyName(id)) ?? [],
  );
  protected readonly fee = computed(() => {
    const fee = this.store.doctor()?.consultationFee;
    if (!fee) return '—';
    try {
      return new Intl.NumberFormat(this.i18n.locale(), {
        style: 'currency',
        currency: this.catalog.currency(),
      }).format(fee as `${number}`);
    } catch {
      return fee;
    }
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.store.load(id));
    });
  }

  protected async edit(): Promise<void> {
    const doctor = this.store.doctor();
    if (!doctor) return;
    const ref = this.dialog.open<DoctorDialogComponent, DoctorDialogData, DoctorDto>(DoctorDialogComponent, {
      data: {
        doctor,
        specialties: this.catalog.activeSpecialties(),
        locations: this.catalog.activeLocations(),
      },
      width: '720px',
      maxWidth: 'calc(100vw - 24px)',
      autoFocus: 'first-tabbable',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.store.use(saved);
    this.notifier.success('staff.updated', { name: saved.fullName });
  }
}
