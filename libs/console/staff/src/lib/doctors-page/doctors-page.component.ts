import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { Notifier, TranslatePipe } from '@consultorio/console/core';
import { ListCardComponent, SearchFieldComponent, listLayout } from '@consultorio/console/ui';
import { MAX_PAGE_SIZE, type DoctorDto } from '@consultorio/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { DoctorDialogComponent, type DoctorDialogData } from '../doctor-dialog/doctor-dialog.component';
import { StaffCatalog } from '../shared/staff-catalog';
import { DoctorsStore } from './doctors.store';

const COLUMNS = {
  wide: ['name', 'specialties', 'locations', 'license', 'available'],
  medium: ['name', 'specialties', 'available'],
  narrow: ['name'],
} as const;

/** The clinic's doctors: search, filter by specialty, location and availability, open a profile. */
@Component({
  selector: 'cs-doctors-page',
  imports: [
    ListCardComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    SearchFieldComponent,
    TranslatePipe,
  ],
  providers: [DoctorsStore],
  templateUrl: './doctors-page.component.html',
  styleUrl: './doctors-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DoctorsPageComponent {
  protected readonly store = inject(DoctorsStore);
  protected readonly catalog = inject(StaffCatalog);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);

  protected readonly pageSizeOptions = [10, 20, 50, MAX_PAGE_SIZE];

  protected readonly layout = listLayout();
  protected readonly columns = computed(() => COLUMNS[this.layout()]);

  protected specialties(doctor: DoctorDto): string {
    return doctor.specialtyIds.map((id) => this.catalog.specialtyName(id)).join(', ') || '—';
  }

  protected locations(doctor: DoctorDto): string {
    return doctor.locationIds.map((id) => this.catalog.locationName(id)).join(', ') || '—';
  }

  protected open(doctor: DoctorDto): void {
    void this.router.navigate(['/doctors', doctor.id]);
  }

  protected async create(): Promise<void> {
    const ref = this.dialog.open<DoctorDialogComponent, DoctorDialogData, DoctorDto>(DoctorDialogComponent, {
      data: {
        doctor: null,
        specialties: this.catalog.activeSpecialties(),
        locations: this.catalog.activeLocations(),
      },
      width: '720px',
      maxWidth: 'calc(100vw - 24px)',
      autoFocus: 'first-tabbable',
    });
    const created = await firstValueFrom(ref.afterClosed());
    if (!created) return;
    this.notifier.success('staff.created', { name: created.fullName });
    void this.router.navigate(['/doctors', created.id]);
  }
}
