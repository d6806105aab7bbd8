import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@consultorio/console/core';
import type { AppointmentStatus } from '@consultorio/shared/contracts';
import { STATUS_LOOK } from './appointment-status';

/** An appointment's status as a small coloured chip with its icon. */
@Component({
  selector: 'cs-status-chip',
  imports: [MatIconModule, TranslatePipe],
  template: `
    <span class="chip" [attr.data-tone]="look().tone" [attr.data-status]="status()" data-testid="status-chip">
      <mat-icon aria-hidden="true">{{ look().icon }}</mat-icon>
      {{ look().label | t }}
    </span>
  `,
  styles: `
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px 2px 6px;
      border-radius: var(--mat-sys-corner-small);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);

      mat-icon {
        inline-size: 16px;
        block-size: 16px;
        font-size: 16px;
      }
    }

    [data-tone='primary'] {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }

    [data-tone='tertiary'] {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }

    [data-tone='success'] {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }

    [data-tone='error'] {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }

    [data-tone='muted'] {
      background: transparent;
      outline: 1px solid var(--mat-sys-outline-variant);
      outline-offset: -1px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusChipComponent {
  readonly status = input.required<AppointmentStatus>();
  protected readonly look = computed(() => STATUS_LOOK[this.status()]);
}
