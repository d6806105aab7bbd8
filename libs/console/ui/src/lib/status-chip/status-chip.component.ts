import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe, type TranslationKey } from '@consultorio/console/core';

/** Colour role of a status chip, from the theme's tokens (`neutral` keeps the surface colours). */
export type StatusTone = 'neutral' | 'primary' | 'tertiary' | 'success' | 'error' | 'muted';

/** How a status looks: its name, a Material Symbols icon and a colour role. */
export interface StatusLook {
  label: TranslationKey;
  icon: string;
  tone: StatusTone;
}

/**
 * A status as a small coloured chip with its icon. Each feature passes its own statuses' looks, so
 * an appointment and an e-mail show their states alike:
 * `<cs-status-chip [status]="item.status" [looks]="STATUS_LOOK" />`.
 */
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
export class StatusChipComponent<S extends string = string> {
  /** The status shown (also in `data-status`, for tests and styles). */
  readonly status = input.required<S>();
  /** The look of every status the feature has. */
  readonly looks = input.required<Readonly<Record<S, StatusLook>>>();
  protected readonly look = computed(() => this.looks()[this.status()]);
}
