import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import {
  DoctorsApi,
  I18n,
  Notifier,
  TranslatePipe,
  errorMessage,
  setServerError,
  statusOf,
} from '@consultorio/console/core';
import type { LocationDto, WorkingHoursDto } from '@consultorio/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { StaffFieldErrorPipe } from '../shared/staff-field-error.pipe';
import { WEEKDAYS, WEEKDAY_KEYS, WEEKDAY_PLURAL_KEYS, formatLocalDate } from '../shared/staff-labels';
import {
  currentPeriod,
  overlappingEntry,
  periodKey,
  periodsOf,
  rangeGroup,
  weeklyChanges,
  weeklyForm,
  type PlannedRange,
  type WeeklyForm,
  type WeeklyPeriod,
} from './weekly-hours-form';

/** The period picker's value for a week that does not exist yet. */
export const NEW_PERIOD = 'new';

/**
 * A doctor's weekly working hours at one location: Monday to Sunday, several ranges a day, and
 * the dates they apply. The API keeps each range on its own; saving removes the ranges that
 * changed and adds the new ones. If the API refuses one (it overlaps another of the doctor's
 * ranges, at any location), what was already done is undone so the week stays as it was, and the
 * refused range says what it collides with.
 */
@Component({
  selector: 'cs-weekly-hours-editor',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    ReactiveFormsModule,
    StaffFieldErrorPipe,
    TranslatePipe,
  ],
  templateUrl: './weekly-hours-editor.component.html',
  styleUrl: './weekly-hours-editor.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WeeklyHoursEditorComponent {
  private readonly api = inject(DoctorsApi);
  private readonly i18n = inject(I18n);
  private readonly notifier = inject(Notifier);

  readonly doctorId = input.required<string>();
  /** Every weekly range of the doctor, at every location. */
  readonly weekly = input.required<readonly WorkingHoursDto[]>();
  /** The doctor's locations. */
  readonly locations = input.required<readonly LocationDto[]>();
  /** Today on the clinic's calendar, `YYYY-MM-DD`. */
  readonly today = input.required<string>();
  /** Whether the user may change the hours (others see them only). */
  readonly canEdit = input(false);
  /** The hours changed on the server: the page loads the schedule again. */
  readonly changed = output<void>();

  protected readonly weekdays = WEEKDAYS;
  protected readonly weekdayKeys = WEEKDAY_KEYS;
  protected readonly newPeriod = NEW_PERIOD;
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  private readonly chosenLocation = signal<string | null>(null);
  private readonly chosenPeriod = signal<string | null>(null);

  protected readonly locationId = computed(() => {
    const chosen = this.chosenLocation();
    const locations = this.locations();
    return locations.find((location) => location.id === chosen)?.id ?? locations[0]?.id ?? '';
  });
  protected readonly periods = computed(() => periodsOf(this.weekly(), this.locationId()));
  protected readonly period = computed<WeeklyPeriod | null>(() => {
    const chosen = this.chosenPeriod();
    if (chosen === NEW_PERIOD) return null;
    const periods = this.periods();
    return periods.find((period) => period.key === chosen) ?? currentPeriod(periods, this.today());
  });
  protected readonly periodValue = computed(() => this.period()?.key ?? NEW_PERIOD);
  protected readonly form = signal<WeeklyForm>(weeklyForm(null, '', () => ''));

  constructor() {
    // A fresh form whenever the location, the period or the server's hours change.
    effect(() => {
      const period = this.period();
      const today = this.today();
      untracked(() => {
        this.form.set(weeklyForm(period, today, () => this.locationId()));
        this.failure.set(null);
      });
    });
  }

  protected chooseLocation(id: string): void {
    this.chosenLocation.set(id);
    this.chosenPeriod.set(null);
  }

  protected choosePeriod(key: string): void {
    this.chosenPeriod.set(key);
  }

  protected periodLabel(period: WeeklyPeriod): string {
    const locale = this.i18n.locale();
    const from = formatLocalDate(period.validFrom, locale);
    return period.validTo
      ? this.i18n.t('staff.hours.periodBetween', { from, to: formatLocalDate(period.validTo, locale) })
      : this.i18n.t('staff.hours.periodFrom', { from });
  }

  /** The ranges of a weekday in the period, as text, for those who only read them. */
  protected rangesText(weekday: number): string {
    const ranges = (this.period()?.entries ?? [])
      .filter((entry) => entry.weekday === weekday)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((entry) => `${entry.start}–${entry.end}`);
    return ranges.join(' · ');
  }

  protected addRange(day: number): void {
    const ranges = this.form().controls.days.at(day);
    const last = ranges.at(ranges.length - 1)?.getRawValue();
    // After the last range, a sensible next one: an hour later, for four hours.
    const start = last?.end ? shift(last.end, 60) : '09:00';
    ranges.push(rangeGroup({ start, end: shift(start, 240) }));
    ranges.markAsDirty();
  }

  protected removeRange(day: number, position: number): void {
    const ranges = this.form().controls.days.at(day);
    ranges.removeAt(position);
    ranges.markAsDirty();
  }

  protected discard(): void {
    this.form.set(weeklyForm(this.period(), this.today(), () => this.locationId()));
    this.failure.set(null);
  }

  protected async save(): Promise<void> {
    const form = this.form();
    form.markAllAsTouched();
    if (form.invalid || this.saving()) return;
    const period = this.period();
    const { remove, add } = weeklyChanges(period, form, this.locationId());
    if (remove.length === 0 && add.length === 0) {
      this.failure.set(this.i18n.t('staff.noChanges'));
      return;
    }
    this.saving.set(true);
    this.failure.set(null);
    const removed: WorkingHoursDto[] = [];
    const added: WorkingHoursDto[] = [];
    let refused: PlannedRange | null = null;
    try {
      for (const entry of remove) {
        await firstValueFrom(this.api.removeWorkingHours(this.doctorId(), entry.id));
        removed.push(entry);
      }
      for (const planned of add) {
        refused = planned;
        added.push(await firstValueFrom(this.api.addWorkingHours(this.doctorId(), planned.dto)));
      }
      const { validFrom, validTo } = form.getRawValue();
      this.chosenPeriod.set(periodKey(validFrom, validTo || null));
      this.notifier.success('staff.hours.saved');
      this.changed.emit();
    } catch (error) {
      const restored = await this.undo(removed, added);
      this.explain(error, refused, new Set((period?.entries ?? []).map((entry) => entry.id)));
      // Only when the old week could not be put back does the page need the server's view.
      if (!restored) this.changed.emit();
    } finally {
      this.saving.set(false);
    }
  }

  /** Puts back what a failed save already changed; whether it all went back. */
  private async undo(
    removed: readonly WorkingHoursDto[],
    added: readonly WorkingHoursDto[],
  ): Promise<boolean> {
    try {
      for (const entry of added) await firstValueFrom(this.api.removeWorkingHours(this.doctorId(), entry.id));
      for (const entry of removed) {
        const { locationId, weekday, start, end, validFrom, validTo } = entry;
        await firstValueFrom(
          this.api.addWorkingHours(this.doctorId(), { locationId, weekday, start, end, validFrom, validTo }),
        );
      }
      return true;
    } catch {
      return false;
    }
  }

  /** Says why the save failed, on the refused range when the API named an overlap. */
  private explain(error: unknown, refused: PlannedRange | null, ownEntries: ReadonlySet<string>): void {
    if (statusOf(error) !== 409 || !refused) {
      this.failure.set(errorMessage(this.i18n, error));
      return;
    }
    const other = overlappingEntry(this.weekly(), ownEntries, refused.dto);
    const message = other
      ? this.i18n.t('staff.hours.overlapWith', {
          days: this.i18n.t(WEEKDAY_PLURAL_KEYS[other.weekday]),
          start: other.start,
          end: other.end,
          location: this.locations().find((location) => location.id === other.locationId)?.name ?? '—',
        })
      : this.i18n.t('staff.hours.overlap');
    const range = this.form().controls.days.at(refused.day).at(refused.position);
    if (range) setServerError(range.controls.start, 'overlap', message);
    this.failure.set(this.i18n.t('staff.hours.notSaved', { reason: message }));
  }
}

/** `HH:mm` moved by `minutes`, kept inside the day. */
function shift(time: string, minutes: number): string {
  const total = Math.min(Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
