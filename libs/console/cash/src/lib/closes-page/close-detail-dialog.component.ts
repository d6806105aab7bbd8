import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '@consultorio/console/core';
import type { CashCloseDto } from '@consultorio/shared/contracts';
import { BusinessDayPipe, ClinicTimePipe } from '../shared/cash-pipes';
import { CloseLinesComponent } from '../shared/close-lines.component';

/** One close in detail: its drawer and day, who closed it and when, each method's figures, the notes. */
@Component({
  selector: 'cs-cash-close-detail-dialog',
  imports: [
    BusinessDayPipe,
    ClinicTimePipe,
    CloseLinesComponent,
    MatButtonModule,
    MatDialogModule,
    TranslatePipe,
  ],
  template: `
    <h2 mat-dialog-title>
      {{ 'cash.closes.detailTitle' | t: { date: (close.businessDate | businessDay: 'long') } }}
    </h2>
    <mat-dialog-content data-testid="close-detail">
      <p class="lead">
        {{ 'cash.closed.title' | t: { cashier: close.cashierName, location: close.locationName } }}
        ·
        {{
          'cash.closed.at' | t: { when: (close.closedAt | clinicTime: 'dateTime'), name: close.closedByName }
        }}
      </p>
      <cs-cash-close-lines [close]="close" />
      @if (close.notes) {
        <p class="notes">{{ close.notes }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button mat-dialog-close cdkFocusInitial>{{ 'common.close' | t }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .lead {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .notes {
      font-style: italic;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CloseDetailDialogComponent {
  protected readonly close = inject<CashCloseDto>(MAT_DIALOG_DATA);
}
