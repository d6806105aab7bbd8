import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { AppointmentsApi, I18n, TranslatePipe } from '@consultorio/console/core';
import type { AppointmentConflictDto } from '@consultorio/shared/contracts';
import { catchError, forkJoin, map, of } from 'rxjs';
import { AgendaCatalog } from './agenda-catalog';
import { formatLocalDate, formatTimeRange, localDateIn } from './agenda-time';
import { STATUS_LOOK } from './appointment-status';

/**
 * The appointments a booking or a move collides with, as the 409 listed them: when, whose
 * (the patient's name is looked up), with which doctor or resource, and in what status.
 */
@Component({
  selector: 'cs-conflict-list',
  imports: [MatIconModule, TranslatePipe],
  template: `
    <ul class="conflicts" data-testid="conflicts">
      @for (row of rows(); track row.id) {
        <li>
          <span class="dot" [style.background]="row.color" aria-hidden="true"></span>
          <span class="text">
            <span class="when">{{ row.when }}</span>
            <span class="who">{{ row.patient ?? ('common.loading' | t) }}</span>
            <span class="what"> {{ row.on | t: { name: row.holder } }} · {{ row.status | t }} </span>
          </span>
        </li>
      }
    </ul>
  `,
  styles: `
    .conflicts {
      display: grid;
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    li {
      display: flex;
      gap: 10px;
      align-items: flex-start;
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container-lowest);
      color: var(--mat-sys-on-surface);
    }

    .dot {
      flex: none;
      inline-size: 10px;
      block-size: 10px;
      margin-block-start: 5px;
      border-radius: 50%;
    }

    .text {
      display: flex;
      flex-direction: column;
      min-inline-size: 0;
    }

    .when {
      font: var(--mat-sys-label-large);
    }

    .who {
      font: var(--mat-sys-body-medium);
    }

    .what {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConflictListComponent {
  private readonly catalog = inject(AgendaCatalog);
  private readonly api = inject(AppointmentsApi);
  private readonly i18n = inject(I18n);

  readonly conflicts = input.required<readonly AppointmentConflictDto[]>();
  private readonly patients = signal<Readonly<Partial<Record<string, string>>>>({});

  protected readonly rows = computed(() => {
    const timeZone = this.catalog.timeZone();
    const locale = this.i18n.locale();
    const patients = this.patients();
    return this.conflicts().map((conflict) => {
      const doctor = this.catalog.doctor(conflict.doctorId);
      const onResource = conflict.on === 'resource';
      return {
        id: conflict.id,
        when: `${formatLocalDate(localDateIn(conflict.start, timeZone), locale, 'short')}, ${formatTimeRange(conflict.start, conflict.end, locale, timeZone)}`,
        patient: patients[conflict.id] ?? null,
        on: onResource ? ('conflicts.onResource' as const) : ('conflicts.onDoctor' as const),
        holder: onResource
          ? (this.catalog.resource(conflict.resourceId)?.name ?? '—')
          : (doctor?.fullName ?? '—'),
        status: STATUS_LOOK[conflict.status].label,
        color: doctor?.color ?? 'var(--mat-sys-outline)',
      };
    });
  });

  constructor() {
    // Look up whose appointments they are (a doctor may not see others': then "another patient").
    effect((onCleanup) => {
      const ids = this.conflicts().map((conflict) => conflict.id);
      if (ids.length === 0) return;
      const other = this.i18n.t('conflicts.otherPatient');
      const subscription = forkJoin(
        ids.map((id) =>
          this.api.get(id).pipe(
            map((appointment) => [id, appointment.patientName] as const),
            catchError(() => of([id, other] as const)),
          ),
        ),
      ).subscribe((pairs) => this.patients.set(Object.fromEntries(pairs)));
      onCleanup(() => subscription.unsubscribe());
    });
  }
}
