import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@consultorio/console/core';
import { SettingsFieldErrorPipe } from '../shared/settings-field-error.pipe';
import { sortOffsets } from './clinic-settings-form';

/** Most reminders per appointment (the API's rule). */
export const MAX_REMINDERS = 4;

/** Reminder offsets as chips: type hours, press Enter; each chip can be removed. */
@Component({
  selector: 'cs-reminder-offsets-field',
  imports: [
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    ReactiveFormsModule,
    SettingsFieldErrorPipe,
    TranslatePipe,
  ],
  template: `
    @let offsets = control().value;
    <mat-form-field class="field">
      <mat-label>{{ 'clinicSettings.reminders' | t }}</mat-label>
      <mat-chip-grid #chips [formControl]="control()" data-testid="reminder-chips">
        @for (hours of offsets; track hours) {
          <mat-chip-row [value]="hours" (removed)="remove(hours)">
            {{ 'clinicSettings.reminderChip' | t: { hours } }}
            <button matChipRemove [attr.aria-label]="'clinicSettings.removeReminder' | t: { hours }">
              <mat-icon>cancel</mat-icon>
            </button>
          </mat-chip-row>
        }
        <input
          inputmode="numeric"
          data-testid="reminder-input"
          [placeholder]="offsets.length < max ? ('clinicSettings.addReminder' | t) : ''"
          [disabled]="offsets.length >= max"
          [matChipInputFor]="chips"
          [matChipInputAddOnBlur]="true"
          (matChipInputTokenEnd)="add($event)"
        />
      </mat-chip-grid>
      <mat-hint>{{
        (offsets.length >= max ? 'clinicSettings.remindersFull' : 'clinicSettings.remindersHint') | t: { max }
      }}</mat-hint>
      <mat-error>{{ control().errors | settingsFieldError: 'reminderOffsetsHours' }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .field {
      inline-size: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReminderOffsetsFieldComponent {
  readonly control = input.required<FormControl<number[]>>();
  protected readonly max = MAX_REMINDERS;

  protected add(event: MatChipInputEvent): void {
    const text = event.value.trim().replace(/\s*h$/i, '');
    // Only whole hours become chips; the text stays for the user to fix otherwise.
    if (!/^\d{1,4}$/.test(text)) return;
    const control = this.control();
    if (control.value.length < MAX_REMINDERS) {
      control.setValue(sortOffsets([...control.value, Number(text)]));
      control.markAsDirty();
    }
    event.chipInput.clear();
  }

  protected remove(hours: number): void {
    const control = this.control();
    control.setValue(control.value.filter((offset) => offset !== hours));
    control.markAsDirty();
  }
}
