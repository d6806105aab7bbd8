import type { CatalogEntryDto } from '@consultorio/shared/contracts';
import type { CatalogConfig, CatalogField } from './catalog-config';

/** What one control of a catalog form holds: text, a whole number, an id or enum value. */
export type CatalogFieldValue = string | number | null;
export type CatalogFormValue = Record<string, CatalogFieldValue>;
/** A request body of a catalog (`POST` all fields, `PATCH` the changed ones). */
export type CatalogBody = Record<string, string | number | boolean | null>;

/** The value of `name` in a catalog entry of any kind (each catalog adds its own fields). */
export function entryValue(entry: CatalogEntryDto, name: string): unknown {
  return (entry as unknown as Readonly<Record<string, unknown>>)[name];
}

function emptyValue(field: CatalogField): CatalogFieldValue {
  switch (field.kind) {
    case 'text':
    case 'money':
      return '';
    case 'enum':
      // A required choice starts on its first option, as most entries use it.
      return field.optional ? null : (field.options[0]?.value ?? null);
    default:
      return null;
  }
}

/** The form's starting value: an existing entry's values, or empty fields for a new one. */
export function formValueOf(config: CatalogConfig, entry: CatalogEntryDto | null): CatalogFormValue {
  const value: CatalogFormValue = {};
  for (const field of config.fields) {
    const current = entry ? entryValue(entry, field.name) : undefined;
    if (current === undefined || current === null) value[field.name] = emptyValue(field);
    else if (field.kind === 'number') value[field.name] = typeof current === 'number' ? current : null;
    else value[field.name] = String(current);
  }
  return value;
}

/** A typed amount as the API takes it: `"120,5"` becomes `"120.5"`. */
export function normalizeMoney(text: string): string {
  return text.trim().replace(/\s/g, '').replace(',', '.');
}

/** A decimal string without insignificant zeros (`"0120.50"` → `"120.5"`); other text unchanged. */
export function canonicalDecimal(text: string): string {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return text;
  const whole = match[1].replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * The request body for the form's value: trimmed text, optional empties as `null`, numbers as
 * numbers and amounts as decimal strings. What is left invalid is what the DTO reports.
 */
export function toCatalogBody(config: CatalogConfig, value: CatalogFormValue): CatalogBody {
  const body: CatalogBody = {};
  for (const field of config.fields) {
    const raw = value[field.name] ?? null;
    switch (field.kind) {
      case 'text': {
        const text = String(raw ?? '').trim();
        body[field.name] = field.optional && !text ? null : text;
        break;
      }
      case 'number':
        body[field.name] = raw === null || raw === '' ? null : Number(raw);
        break;
      case 'money':
        body[field.name] = normalizeMoney(String(raw ?? ''));
        break;
      default:
        body[field.name] = raw === '' ? null : raw;
    }
  }
  return body;
}

/** The `PATCH` body: only what changed, so a concurrent edit of another field survives. */
export function catalogChanges(
  config: CatalogConfig,
  original: CatalogEntryDto,
  value: CatalogFormValue,
): CatalogBody {
  const before = toCatalogBody(config, formValueOf(config, original));
  const after = toCatalogBody(config, value);
  const changes: CatalogBody = {};
  for (const [key, next] of Object.entries(after)) {
    const previous = before[key];
    const money = config.fields.some((field) => field.name === key && field.kind === 'money');
    // The API answers amounts with two decimals ("120.50"): "120.5" is no change.
    const same =
      money && typeof next === 'string' && typeof previous === 'string'
        ? canonicalDecimal(next) === canonicalDecimal(previous)
        : next === previous;
    if (!same) changes[key] = next;
  }
  return changes;
}
