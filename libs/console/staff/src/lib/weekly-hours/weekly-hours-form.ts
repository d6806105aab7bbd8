import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ValidationErrors,
  ValidatorFn,
} from '@angular/forms';
import { SERVER_ERROR_KEY, serverErrorStillApplies, validateWithDto } from '@consultorio/console/core';
import { CreateWorkingHoursDto, type WorkingHoursDto } from '@consultorio/shared/contracts';
import { rangesOverlap } from '../shared/staff-labels';

/** One time range of a day, `HH:mm`. */
export interface RangeValue {
  start: string;
  end: string;
}

export type RangeGroup = FormGroup<{ start: FormControl<string>; end: FormControl<string> }>;
export type DayArray = FormArray<RangeGroup>;
export type WeeklyForm = FormGroup<{
  validFrom: FormControl<string>;
  validTo: FormControl<string>;
  /** Monday (index 0) to Sunday. */
  days: FormArray<DayArray>;
}>;

/**
 * The weekly ranges of one location that share their validity dates: what the editor shows and
 * saves as one week. The API stores each range on its own, with its own dates.
 */
export interface WeeklyPeriod {
  key: string;
  validFrom: string;
  validTo: string | null;
  entries: WorkingHoursDto[];
}

export const periodKey = (validFrom: string, validTo: string | null) => `${validFrom}|${validTo ?? ''}`;

/** The periods of a location, earliest first. */
export function periodsOf(weekly: readonly WorkingHoursDto[], locationId: string): WeeklyPeriod[] {
  const periods = new Map<string, WeeklyPeriod>();
  for (const entry of weekly) {
    if (entry.locationId !== locationId) continue;
    const key = periodKey(entry.validFrom, entry.validTo);
    const period = periods.get(key) ?? {
      key,
      validFrom: entry.validFrom,
      validTo: entry.validTo,
      entries: [],
    };
    period.entries.push(entry);
    periods.set(key, period);
  }
  return [...periods.values()].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

/** The period in effect on `today`, else the next one to start, else the last one. */
export function currentPeriod(periods: readonly WeeklyPeriod[], today: string): WeeklyPeriod | null {
  return (
    periods.find((period) => period.validFrom <= today && (period.validTo ?? '9999-12-31') >= today) ??
    periods.find((period) => period.validFrom > today) ??
    periods.at(-1) ??
    null
  );
}

export function rangeGroup(range: RangeValue = { start: '', end: '' }): RangeGroup {
  return new FormGroup({
    start: new FormControl(range.start, { nonNullable: true }),
    end: new FormControl(range.end, { nonNullable: true }),
  });
}

/** A form for `period` (or an empty week starting `today`), checked by `weeklyValidator`. */
export function weeklyForm(period: WeeklyPeriod | null, today: string, locationId: () => string): WeeklyForm {
  const days = new FormArray(
    [1, 2, 3, 4, 5, 6, 7].map(
      (weekday) =>
        new FormArray(
          (period?.entries ?? [])
            .filter((entry) => entry.weekday === weekday)
            .sort((a, b) => a.start.localeCompare(b.start))
            .map((entry) => rangeGroup(entry)),
        ),
    ),
  );
  return new FormGroup(
    {
      validFrom: new FormControl(period?.validFrom ?? today, { nonNullable: true }),
      validTo: new FormControl(period?.validTo ?? '', { nonNullable: true }),
      days,
    },
    { validators: weeklyValidator(locationId) },
  );
}

/** A range as the API takes it. */
export function toCreateWorkingHours(
  locationId: string,
  weekday: number,
  range: RangeValue,
  validFrom: string,
  validTo: string,
): CreateWorkingHoursDto {
  return { locationId, weekday, start: range.start, end: range.end, validFrom, validTo: validTo || null };
}

/**
 * Checks every range with the shared `CreateWorkingHoursDto` (times `HH:mm`, dates) and what the
 * API or the database would refuse: an end before its start, validity ending before it starts,
 * two ranges of a day that overlap. Errors go on the fields, as `dtoValidator` does.
 */
export function weeklyValidator(locationId: () => string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const form = control as WeeklyForm;
    if (!form.controls?.days) return null;
    const { validFrom, validTo } = form.getRawValue();
    let invalid = false;
    const put = (target: AbstractControl, errors: ValidationErrors) => {
      invalid = apply(target, errors) || invalid;
    };

    const dates = validateWithDto(CreateWorkingHoursDto, {
      locationId: locationId(),
      weekday: 1,
      start: '00:00',
      end: '23:59',
      validFrom: validFrom || undefined,
      validTo: validTo || null,
    });
    put(form.controls.validFrom, validFrom ? { ...dates['validFrom'] } : { required: true });
    put(
      form.controls.validTo,
      !dates['validTo'] && validTo && validFrom && validTo < validFrom
        ? { dateOrder: true }
        : { ...dates['validTo'] },
    );

    form.controls.days.controls.forEach((day, index) => {
      const ranges = day.getRawValue();
      day.controls.forEach((range, position) => {
        const value = ranges[position];
        const errors = validateWithDto(
          CreateWorkingHoursDto,
          toCreateWorkingHours(locationId(), index + 1, value, validFrom, validTo),
        );
        const start: ValidationErrors = value.start ? { ...errors['start'] } : { required: true };
        const end: ValidationErrors = value.end ? { ...errors['end'] } : { required: true };
        const wellFormed = Object.keys(start).length === 0 && Object.keys(end).length === 0;
        if (wellFormed && value.start >= value.end) end['timeOrder'] = true;
        else if (wellFormed && ranges.some((other, i) => i < position && rangesOverlap(other, value))) {
          start['overlap'] = true;
        }
        put(range.controls.start, start);
        put(range.controls.end, end);
      });
    });
    return invalid ? { weeklyHours: true } : null;
  };
}

/** Sets a field's errors, keeping one the API reported while its value has not changed. */
function apply(control: AbstractControl, errors: ValidationErrors): boolean {
  const next = { ...errors };
  if (serverErrorStillApplies(control)) next[SERVER_ERROR_KEY] = control.errors?.[SERVER_ERROR_KEY];
  const has = Object.keys(next).length > 0;
  const current = control.errors;
  const same =
    (current === null && !has) ||
    (current !== null &&
      has &&
      Object.keys(current).length === Object.keys(next).length &&
      Object.keys(next).every(
        (key) => key in current && (key !== SERVER_ERROR_KEY || current[key] === next[key]),
      ));
  if (!same) control.setErrors(has ? next : null);
  return has;
}

/** A range the editor will add, with where it sits in the form (to put a refusal on its fields). */
export interface PlannedRange {
  dto: CreateWorkingHoursDto;
  /** Day (0 = Monday) and position of the range in the form. */
  day: number;
  position: number;
}

/**
 * What saving the form means for the API: the ranges of the period that are gone or changed
 * (removed) and the new or changed ones (added). Unchanged ranges are left alone.
 */
export function weeklyChanges(
  period: WeeklyPeriod | null,
  form: WeeklyForm,
  locationId: string,
): { remove: WorkingHoursDto[]; add: PlannedRange[] } {
  const { validFrom, validTo, days } = form.getRawValue();
  const kept = new Set<string>();
  const add: PlannedRange[] = [];
  days.forEach((ranges, day) => {
    ranges.forEach((range, position) => {
      const dto = toCreateWorkingHours(locationId, day + 1, range, validFrom, validTo);
      const same = period?.entries.find(
        (entry) =>
          !kept.has(entry.id) &&
          entry.weekday === dto.weekday &&
          entry.start === dto.start &&
          entry.end === dto.end &&
          entry.validFrom === dto.validFrom &&
          entry.validTo === dto.validTo,
      );
      if (same) kept.add(same.id);
      else add.push({ dto, day, position });
    });
  });
  const remove = (period?.entries ?? []).filter((entry) => !kept.has(entry.id));
  return { remove, add };
}

/**
 * The doctor's range (at another location or in another period) that a new range overlaps, as the
 * database's exclusion constraint sees it: same weekday, times and validity dates overlapping.
 */
export function overlappingEntry(
  weekly: readonly WorkingHoursDto[],
  ignore: ReadonlySet<string>,
  candidate: CreateWorkingHoursDto,
): WorkingHoursDto | undefined {
  const from = candidate.validFrom ?? '0000-01-01';
  const to = candidate.validTo ?? '9999-12-31';
  return weekly.find(
    (entry) =>
      !ignore.has(entry.id) &&
      entry.weekday === candidate.weekday &&
      rangesOverlap(entry, candidate) &&
      entry.validFrom <= to &&
      (entry.validTo ?? '9999-12-31') >= from,
  );
}
