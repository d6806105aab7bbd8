import type { ClinicSettingsDto, UpdateClinicSettingsDto } from '@consultorio/shared/contracts';
import { QUIET_HOURS_SAME_ERROR } from '../shared/settings-field-error.pipe';
import { decimalToPercent, percentToDecimal } from '@consultorio/shared/money';

/** What the clinic settings form holds: the tax rate as the percentage people type. */
export interface ClinicSettingsFormValue {
  name: string;
  phone: string;
  email: string;
  address: string;
  /** Tax registration printed on invoices (RUC, RUT). */
  taxId: string;
  timeZone: string;
  locale: string;
  currency: string;
  /** Percentage, e.g. `18` for a rate of `0.18`. */
  taxRate: string;
  pricesIncludeTax: boolean;
  slotGranularityMinutes: number;
  defaultBufferMinutes: number | null;
  cancellationPolicyHours: number | null;
  /** Hours before an appointment, largest first. */
  reminderOffsetsHours: number[];
  /** Whether reminders and other scheduled messages wait out the night (the hours below). */
  quietHours: boolean;
  /** `HH:mm`, clinic time; kept while quiet hours are off, so turning them on again restores them. */
  quietHoursStart: string;
  quietHoursEnd: string;
  /** Most scheduled messages a clinic day; `null` for no limit. */
  dailySendCap: number | null;
}

/** Quiet hours offered when they are turned on for the first time. */
const DEFAULT_QUIET_HOURS = { start: '21:00', end: '08:00' };

export function clinicFormValueOf(settings: ClinicSettingsDto): ClinicSettingsFormValue {
  return {
    name: settings.name,
    phone: settings.phone ?? '',
    email: settings.email ?? '',
    address: settings.address ?? '',
    taxId: settings.taxId ?? '',
    timeZone: settings.timeZone,
    locale: settings.locale,
    currency: settings.currency,
    taxRate: decimalToPercent(settings.taxRate),
    pricesIncludeTax: settings.pricesIncludeTax,
    slotGranularityMinutes: settings.slotGranularityMinutes,
    defaultBufferMinutes: settings.defaultBufferMinutes,
    cancellationPolicyHours: settings.cancellationPolicyHours,
    reminderOffsetsHours: sortOffsets(settings.reminderOffsetsHours),
    quietHours: settings.quietHoursStart !== null && settings.quietHoursEnd !== null,
    quietHoursStart: settings.quietHoursStart ?? DEFAULT_QUIET_HOURS.start,
    quietHoursEnd: settings.quietHoursEnd ?? DEFAULT_QUIET_HOURS.end,
    dailySendCap: settings.dailySendCap,
  };
}

/** Reminder offsets without repeats, the earliest reminder (most hours before) first. */
export function sortOffsets(offsets: readonly number[]): number[] {
  return [...new Set(offsets)].sort((a, b) => b - a);
}

const orNull = (text: string) => text.trim() || null;

/**
 * Every field as `PUT /settings` takes it. A percentage that is not one is passed on marked with
 * `%`, which the DTO's decimal rule always rejects, so the error lands on the tax field.
 */
export function toUpdateClinicSettings(value: ClinicSettingsFormValue): Required<UpdateClinicSettingsDto> {
  const typedRate = value.taxRate.trim();
  return {
    name: value.name.trim(),
    phone: orNull(value.phone),
    email: orNull(value.email),
    address: orNull(value.address),
    taxId: orNull(value.taxId),
    timeZone: value.timeZone,
    locale: value.locale,
    currency: value.currency,
    taxRate: percentToDecimal(typedRate) ?? (typedRate ? `${typedRate}%` : ''),
    pricesIncludeTax: value.pricesIncludeTax,
    slotGranularityMinutes: value.slotGranularityMinutes,
    defaultBufferMinutes: value.defaultBufferMinutes as number,
    cancellationPolicyHours: value.cancellationPolicyHours as number,
    reminderOffsetsHours: value.reminderOffsetsHours,
    quietHoursStart: value.quietHours ? value.quietHoursStart : null,
    quietHoursEnd: value.quietHours ? value.quietHoursEnd : null,
    dailySendCap: value.dailySendCap ?? null,
  };
}

/** Rules of the form beyond the DTO's: quiet hours that start when they end would mean nothing. */
export function clinicSettingsRules(value: ClinicSettingsFormValue): Record<string, Record<string, true>> {
  return value.quietHours && value.quietHoursStart && value.quietHoursStart === value.quietHoursEnd
    ? { quietHoursEnd: { [QUIET_HOURS_SAME_ERROR]: true } }
    : {};
}

/** The `PUT /settings` body: only what changed, so another admin's concurrent edit of other fields survives. */
export function clinicSettingsChanges(
  original: ClinicSettingsDto,
  value: ClinicSettingsFormValue,
): UpdateClinicSettingsDto {
  const before = toUpdateClinicSettings(clinicFormValueOf(original));
  const after = toUpdateClinicSettings(value);
  const changes: UpdateClinicSettingsDto = {};
  for (const key of Object.keys(after) as (keyof UpdateClinicSettingsDto)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key]))
      Object.assign(changes, { [key]: after[key] });
  }
  return changes;
}
