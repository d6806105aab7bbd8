import type { ClinicSettingsDto, UpdateClinicSettingsDto } from '@consultorio/shared/contracts';
import { decimalToPercent, percentToDecimal } from '../shared/tax-rate';

/** What the clinic settings form holds: the tax rate as the percentage people type. */
export interface ClinicSettingsFormValue {
  name: string;
  phone: string;
  email: string;
  address: string;
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
}

export function clinicFormValueOf(settings: ClinicSettingsDto): ClinicSettingsFormValue {
  return {
    name: settings.name,
    phone: settings.phone ?? '',
    email: settings.email ?? '',
    address: settings.address ?? '',
    timeZone: settings.timeZone,
    locale: settings.locale,
    currency: settings.currency,
    taxRate: decimalToPercent(settings.taxRate),
    pricesIncludeTax: settings.pricesIncludeTax,
    slotGranularityMinutes: settings.slotGranularityMinutes,
    defaultBufferMinutes: settings.defaultBufferMinutes,
    cancellationPolicyHours: settings.cancellationPolicyHours,
    reminderOffsetsHours: sortOffsets(settings.reminderOffsetsHours),
  };
}

/** Reminder offsets without repeats, the earliest reminder (most hours before) first. */
export function sortOffsets(offsets: readonly number[]): number[] {
  return [...new Set(offsets)].sort((a, b) => b - a);
}

const orNull = (text: string) => text.trim() || null;

/** The settings this form edits (quiet hours and the daily send cap are set through the API for now). */
type FormSettings = Omit<UpdateClinicSettingsDto, 'quietHoursStart' | 'quietHoursEnd' | 'dailySendCap'>;

/**
 * Every field as `PUT /settings` takes it. A percentage that is not one is passed on marked with
 * `%`, which the DTO's decimal rule always rejects, so the error lands on the tax field.
 */
export function toUpdateClinicSettings(value: ClinicSettingsFormValue): Required<FormSettings> {
  const typedRate = value.taxRate.trim();
  return {
    name: value.name.trim(),
    phone: orNull(value.phone),
    email: orNull(value.email),
    address: orNull(value.address),
    timeZone: value.timeZone,
    locale: value.locale,
    currency: value.currency,
    taxRate: percentToDecimal(typedRate) ?? (typedRate ? `${typedRate}%` : ''),
    pricesIncludeTax: value.pricesIncludeTax,
    slotGranularityMinutes: value.slotGranularityMinutes,
    defaultBufferMinutes: value.defaultBufferMinutes as number,
    cancellationPolicyHours: value.cancellationPolicyHours as number,
    reminderOffsetsHours: value.reminderOffsetsHours,
  };
}

/** The `PUT /settings` body: only what changed, so another admin's concurrent edit of other fields survives. */
export function clinicSettingsChanges(
  original: ClinicSettingsDto,
  value: ClinicSettingsFormValue,
): UpdateClinicSettingsDto {
  const before = toUpdateClinicSettings(clinicFormValueOf(original));
  const after = toUpdateClinicSettings(value);
  const changes: UpdateClinicSettingsDto = {};
  for (const key of Object.keys(after) as (keyof FormSettings)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key]))
      Object.assign(changes, { [key]: after[key] });
  }
  return changes;
}
