import type { CatalogPath, DtoClass, TranslationKey } from '@consultorio/console/core';

/** One choice of an enum field, e.g. the `dental_chair` resource type. */
export interface EnumOption {
  value: string;
  label: TranslationKey;
}

interface FieldBase {
  /** Property of the DTO, the form control and the API's field errors. */
  name: string;
  label: TranslationKey;
  hint?: TranslationKey;
  /** Whether the field spans the whole row of the dialog. */
  wide?: boolean;
}

/** Free text; an empty optional field is sent as `null`. */
export interface TextField extends FieldBase {
  kind: 'text';
  maxLength: number;
  optional?: boolean;
  inputType?: 'text' | 'tel';
}

/** A whole number with a unit (minutes, hours…). */
export interface NumberField extends FieldBase {
  kind: 'number';
  min: number;
  max: number;
  /** Translation of the value with its unit, `{value}` placeholder, e.g. `45 min`. */
  unit: TranslationKey;
  /** Short unit shown after the input, e.g. `min`. */
  suffix: TranslationKey;
}

/** An amount in the clinic currency, kept as a decimal string (never a binary float). */
export interface MoneyField extends FieldBase {
  kind: 'money';
}

/** One value of a fixed list. */
export interface EnumField extends FieldBase {
  kind: 'enum';
  options: readonly EnumOption[];
  optional?: boolean;
}

/** The id of an entry of another catalog (a treatment's specialty, a location's zone). */
export interface ReferenceField extends FieldBase {
  kind: 'reference';
  catalog: CatalogPath;
  optional?: boolean;
}

export type CatalogField = TextField | NumberField | MoneyField | EnumField | ReferenceField;

/** A column of the list besides the name and the status; it shows the field of the same name. */
export interface CatalogColumn {
  field: string;
  /** The narrowest layout that gives it a column of its own; narrower ones show it under the name. */
  from: 'medium' | 'wide';
  /** Whether the value is right-aligned (amounts, durations). */
  numeric?: boolean;
}

/**
 * Everything one catalog page needs: its texts, the form (with the shared DTO class the API
 * validates with), the list's columns and filters. One generic page serves every catalog.
 */
export interface CatalogConfig {
  path: CatalogPath;
  /** Material Symbols name. */
  icon: string;
  title: TranslationKey;
  subtitle: TranslationKey;
  newLabel: TranslationKey;
  editTitle: TranslationKey;
  searchPlaceholder: TranslationKey;
  /** The create DTO: the dialog validates the whole value with it, as `POST` and `PATCH` do. */
  dto: DtoClass;
  /** Form fields in dialog order; the first is always `name`. */
  fields: readonly CatalogField[];
  columns: readonly CatalogColumn[];
  /** Names of enum or reference fields the list can be filtered by (the API's query parameters). */
  filters: readonly string[];
}

/** The field definition named `name` (columns and filters refer to fields by name). */
export function fieldOf(config: CatalogConfig, name: string): CatalogField {
  const field = config.fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`The ${config.path} catalog has no field ${name}`);
  return field;
}
