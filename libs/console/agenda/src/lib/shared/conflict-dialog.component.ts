import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@consultorio/console/core';
import type { AppointmentProblem } from './appointment-problem';
import { ConflictListComponent } from './conflict-list.component';

/** Why a move was refused and, for a 409, every appointment in the way. */
@Component({
  selector: 'cs-conflict-dialog',
  imports: [ConflictListComponent, MatButtonModule, MatDialogModule, MatIconModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>
      <mat-icon aria-hidden="true">event_busy</mat-icon>
      {{ 'conflicts.moveRefused' | t }}
    </h2>
    <mat-dialog-content data-testid="move-problem">
      <p class="message" role="alert">{{ problem.message }}</p>
      @if (problem.conflicts.length) {
        <cs-conflict-list [conflicts]="problem.conflicts" />
      }
      <p class="note">{{ 'conflicts.moveReverted' | t }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button mat-dialog-close cdkFocusInitial>{{ 'common.close' | t }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    h2 {
      display: flex;
      align-items: center;
      gap: 10px;

      mat-icon {
        color: var(--mat-sys-error);
      }
    }

    .message {
      margin: 0 0 12px;
      font: var(--mat-sys-body-large);
    }

    .note {
      margin: 12px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConflictDialogComponent {
  protected readonly problem = inject<AppointmentProblem>(MAT_DIALOG_DATA);
}
