import type { TranslationKey, TranslationParams } from '@consultorio/console/core';
import type { CatalogEntryDto } from '@consultorio/shared/contracts';
import type { CatalogField } from '../catalog-config';
import { entryValue } from '../catalog-form';

/** What formatting a cell needs besides the entry: translations, money and referenced names. */
export interface CellContext {
  t: (key: TranslationKey, params?: TranslationParams) => string;
  money: (amount: string) => string;
  /** The name of an entry of another catalog; `undefined` while that catalog loads. */
  referenceName: (field: CatalogField, id: string) => string | undefined;
}

/** Shown for an empty optional value. */
export const NO_VALUE = '—';

/** The text of one field of an entry in the list: money in the clinic currency, minutes with their unit, names for ids. */
export function cellText(entry: CatalogEntryDto, field: CatalogField, context: CellContext): string {
  const value = entryValue(entry, field.name);
  if (value === null || value === undefined || value === '') return NO_VALUE;
  switch (field.kind) {
    case 'money':
      return context.money(String(value));
    case 'number':
      return context.t(field.unit, { value: Number(value) });
    case 'enum': {
      const option = field.options.find((candidate) => candidate.value === value);
      return option ? context.t(option.label) : String(value);
    }
    case 'reference':
      return context.referenceName(field, String(value)) ?? '…';
    default:
      return String(value);
  }
}
