import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { ConnectionState, TranslatePipe } from '@consultorio/console/core';
import { StatusMessageComponent } from './status-message.component';

/** Shown in place of the page while the server cannot be reached; retries on request. */
@Component({
  selector: 'cs-lost-connection-page',
  imports: [MatButtonModule, MatIconModule, MatProgressSpinnerModule, StatusMessageComponent, TranslatePipe],
  template: `
    <cs-status-message
      icon="cloud_off"
      data-testid="lost-connection-page"
      [heading]="'offline.title' | t"
      [text]="'offline.text' | t"
    >
      <button mat-flat-button data-testid="retry-connection" [disabled]="checking()" (click)="retry()">
        @if (checking()) {
          <mat-progress-spinner mode="indeterminate" diameter="18" />
        } @else {
          <mat-icon>refresh</mat-icon>
        }
        {{ 'common.retry' | t }}
      </button>
    </cs-status-message>
    <p class="still-offline" role="status">
      @if (stillOffline()) {
        {{ 'offline.stillOffline' | t }}
      }
    </p>
  `,
  styles: `
    :host {
      display: block;
    }
    .still-offline {
      margin: -32px 0 0;
      text-align: center;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LostConnectionPageComponent {
  private readonly connection = inject(ConnectionState);
  protected readonly checking = signal(false);
  protected readonly stillOffline = signal(false);

  /** Emits once the server answers again, so the page can reload its data. */
  readonly reconnected = output<void>();

  protected async retry(): Promise<void> {
    this.checking.set(true);
    this.stillOffline.set(false);
    const reachable = await this.connection.check();
    this.checking.set(false);
    if (reachable) this.reconnected.emit();
    else this.stillOffline.set(true);
  }
}
