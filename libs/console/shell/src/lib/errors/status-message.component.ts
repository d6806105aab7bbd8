import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** A full-page explanation (forbidden, not found, offline) with room for actions. */
@Component({
  selector: 'cs-status-message',
  imports: [MatIconModule],
  template: `
    <section class="status" [attr.aria-labelledby]="headingId()">
      <div class="badge" aria-hidden="true">
        <mat-icon>{{ icon() }}</mat-icon>
      </div>
      <p class="code">{{ code() }}</p>
      <h1 [id]="headingId()">{{ heading() }}</h1>
      <p class="text">{{ text() }}</p>
      <div class="actions"><ng-content /></div>
    </section>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      justify-content: center;
      min-block-size: 100%;
      padding: 48px 16px;
      box-sizing: border-box;
    }
    .status {
      max-inline-size: 480px;
      text-align: center;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      inline-size: 88px;
      block-size: 88px;
      border-radius: 28px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      mat-icon {
        inline-size: 44px;
        block-size: 44px;
        font-size: 44px;
      }
    }
    .code {
      margin: 20px 0 0;
      font: var(--mat-sys-label-large);
      letter-spacing: 0.1em;
      color: var(--mat-sys-on-surface-variant);
      &:empty {
        display: none;
      }
    }
    h1 {
      margin: 8px 0 12px;
      font: var(--mat-sys-headline-small);
      color: var(--mat-sys-on-surface);
    }
    .text {
      margin: 0 0 28px;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      justify-content: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusMessageComponent {
  readonly icon = input.required<string>();
  readonly code = input('');
  readonly heading = input.required<string>();
  readonly text = input.required<string>();
  readonly headingId = input('status-heading');
}
