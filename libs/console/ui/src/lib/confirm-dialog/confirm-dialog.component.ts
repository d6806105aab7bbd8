import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@consultorio/console/core';

export interface ConfirmDialogData {
  title: string;
  text: string;
  /** Label of the confirming button; without it the dialog only informs and offers to close. */
  confirm?: string;
  icon: string;
  /** Whether confirming takes something away (shown in the error colour). */
  destructive?: boolean;
}

/** Asks before an action with consequences; closes with `true` when confirmed. */
@Component({
  selector: 'cs-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule, MatIconModule, TranslatePipe],
  template: `
    <mat-icon class="icon" [class.destructive]="data.destructive" aria-hidden="true">{{
      data.icon
    }}</mat-icon>
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p data-testid="confirm-text">{{ data.text }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (data.confirm) {
        <button mat-button [mat-dialog-close]="false">{{ 'common.cancel' | t }}</button>
        <button
          mat-flat-button
          data-testid="confirm"
          cdkFocusInitial
          [class.destructive]="data.destructive"
          [mat-dialog-close]="true"
        >
          {{ data.confirm }}
        </button>
      } @else {
        <button mat-flat-button cdkFocusInitial data-testid="confirm-close" [mat-dialog-close]="false">
          {{ 'common.close' | t }}
        </button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    :host {
      display: block;
      text-align: center;
    }
    .icon {
      display: block;
      margin: 24px auto 0;
      color: var(--mat-sys-secondary);
      &.destructive {
        color: var(--mat-sys-error);
      }
    }
    p {
      margin: 0;
    }
    button.destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialogComponent {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}
