import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSidenavModule } from '@angular/material/sidenav';
import { RouterLink } from '@angular/router';
import {
  AppointmentsApi,
  I18n,
  Notifier,
  TranslatePipe,
  type TranslationKey,
} from '@consultorio/console/core';
import { StatusChipComponent } from '@consultorio/console/ui';
import { AppointmentStatus, type AppointmentDto } from '@consultorio/shared/contracts';
import { firstValueFrom, map } from 'rxjs';
import { AppointmentPanelComponent } from '../appointment-panel/appointment-panel.component';
import { AgendaCatalog } from '../shared/agenda-catalog';
import { formatLocalDate, formatTime } from '../shared/agenda-time';
import { appointmentProblem } from '../shared/appointment-problem';
import { STATUS_LOOK } from '../shared/appointment-status';
import { FrontDeskStore } from './front-desk.store';

interface Section {
  id: string;
  title: TranslationKey;
  empty: TranslationKey;
  items: AppointmentDto[];
}

/**
 * The front desk's day: who is expected, who is waiting, who was seen and who did not come, with
 * one-click check-in, completion and no-show.
 */
@Component({
  selector: 'cs-today-page',
  imports: [
    AppointmentPanelComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSidenavModule,
    RouterLink,
    StatusChipComponent,
    TranslatePipe,
  ],
  providers: [FrontDeskStore],
  templateUrl: './today-page.component.html',
  styleUrl: './today-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TodayPageComponent {
  protected readonly store = inject(FrontDeskStore);
  protected readonly catalog = inject(AgendaCatalog);
  private readonly api = inject(AppointmentsApi);
  private readonly i18n = inject(I18n);
  private readonly notifier = inject(Notifier);

  protected readonly statuses = AppointmentStatus;
  protected readonly statusLook = STATUS_LOOK;
  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 599.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly busy = signal<string | null>(null);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(() => {
    const id = this.selectedId();
    return id ? (this.store.find(id) ?? null) : null;
  });
  protected readonly dayLabel = computed(() =>
    formatLocalDate(this.store.today(), this.i18n.locale(), 'long'),
  );
  protected readonly sections = computed<Section[]>(() => [
    {
      id: 'expected',
      title: 'frontDesk.expected',
      empty: 'frontDesk.noneExpected',
      items: this.store.expected(),
    },
    {
      id: 'arrived',
      title: 'frontDesk.arrived',
      empty: 'frontDesk.noneArrived',
      items: this.store.arrived(),
    },
    { id: 'done', title: 'frontDesk.done', empty: 'frontDesk.noneDone', items: this.store.done() },
    { id: 'missed', title: 'frontDesk.missed', empty: 'frontDesk.noneMissed', items: this.store.missed() },
  ]);

  constructor() {
    this.catalog.load();
  }

  protected time(appointment: AppointmentDto): string {
    return formatTime(appointment.start, this.i18n.locale(), this.catalog.timeZone());
  }

  protected late(appointment: AppointmentDto): boolean {
    return Date.parse(appointment.start) < Date.now();
  }

  protected async change(
    appointment: AppointmentDto,
    status: AppointmentStatus,
    event: Event,
  ): Promise<void> {
    event.stopPropagation();
    this.busy.set(appointment.id);
    try {
      const changed = await firstValueFrom(this.api.changeStatus(appointment.id, status));
      this.store.upsert(changed);
      this.notifier.success(
        status === AppointmentStatus.CheckedIn
          ? 'frontDesk.checkedIn'
          : status === AppointmentStatus.Completed
            ? 'frontDesk.completed'
            : 'frontDesk.markedNoShow',
        { name: changed.patientName },
      );
    } catch (error) {
      this.notifier.error(appointmentProblem(this.i18n, error).message);
    } finally {
      this.busy.set(null);
    }
  }

  protected open(appointment: AppointmentDto): void {
    this.selectedId.set(appointment.id);
  }

  protected closePanel(): void {
    this.selectedId.set(null);
  }
}
