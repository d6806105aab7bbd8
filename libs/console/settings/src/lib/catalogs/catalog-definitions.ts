import type { CatalogPath } from '@consultorio/console/core';
import {
  CreateInsurerDto,
  CreateLocationDto,
  CreateNamedEntryDto,
  CreateResourceDto,
  CreateProductDto,
  CreateTreatmentDto,
  InsurerKind,
  ResourceType,
} from '@consultorio/shared/contracts';
import type { CatalogConfig, EnumOption, TextField } from './catalog-config';

const NAME: TextField = {
  kind: 'text',
  name: 'name',
  label: 'catalogs.field.name',
  maxLength: 120,
  wide: true,
};

export const RESOURCE_TYPE_OPTIONS: readonly EnumOption[] = [
  { value: ResourceType.Room, label: 'catalogs.resourceType.room' },
  { value: ResourceType.DentalChair, label: 'catalogs.resourceType.dental_chair' },
  { value: ResourceType.Equipment, label: 'catalogs.resourceType.equipment' },
];

export const INSURER_KIND_OPTIONS: readonly EnumOption[] = [
  { value: InsurerKind.Eps, label: 'catalogs.insurerKind.eps' },
  { value: InsurerKind.Isapre, label: 'catalogs.insurerKind.isapre' },
  { value: InsurerKind.Insurer, label: 'catalogs.insurerKind.insurer' },
  { value: InsurerKind.Other, label: 'catalogs.insurerKind.other' },
];

/** A catalog that is only a name and an active flag. */
function named(
  path: CatalogPath,
  icon: string,
  keys: Pick<CatalogConfig, 'title' | 'subtitle' | 'newLabel' | 'editTitle'>,
): CatalogConfig {
  return {
    path,
    icon,
    ...keys,
    searchPlaceholder: 'catalogs.searchByName',
    dto: CreateNamedEntryDto,
    fields: [NAME],
    columns: [],
    filters: [],
  };
}

/** Every configuration catalog, in the order the settings menu lists them. */
export const CATALOGS: readonly CatalogConfig[] = [
  named('specialties', 'stethoscope', {
    title: 'catalogs.specialties.title',
    subtitle: 'catalogs.specialties.subtitle',
    newLabel: 'catalogs.specialties.new',
    editTitle: 'catalogs.specialties.edit',
  }),
  {
    path: 'treatments',
    icon: 'healing',
    title: 'catalogs.treatments.title',
    subtitle: 'catalogs.treatments.subtitle',
    newLabel: 'catalogs.treatments.new',
    editTitle: 'catalogs.treatments.edit',
    searchPlaceholder: 'catalogs.searchByName',
    dto: CreateTreatmentDto,
    fields: [
      NAME,
      { kind: 'reference', name: 'specialtyId', label: 'catalogs.field.specialty', catalog: 'specialties' },
      {
        kind: 'reference',
        name: 'businessLineId',
        label: 'catalogs.field.businessLine',
        catalog: 'business-lines',
        optional: true,
      },
      {
        kind: 'number',
        name: 'durationMinutes',
        label: 'catalogs.field.duration',
        hint: 'catalogs.hint.duration',
        min: 5,
        max: 720,
        unit: 'catalogs.minutes',
        suffix: 'catalogs.minutesSuffix',
      },
      { kind: 'money', name: 'price', label: 'catalogs.field.price' },
      {
        kind: 'enum',
        name: 'requiredResourceType',
        label: 'catalogs.field.requiredResource',
        hint: 'catalogs.hint.requiredResource',
        options: RESOURCE_TYPE_OPTIONS,
        optional: true,
        wide: true,
      },
    ],
    columns: [
      { field: 'specialtyId', from: 'medium' },
      { field: 'businessLineId', from: 'wide' },
      { field: 'durationMinutes', from: 'wide', numeric: true },
      { field: 'price', from: 'medium', numeric: true },
    ],
    filters: ['specialtyId', 'businessLineId'],
  },
  {
    path: 'products',
    icon: 'inventory_2',
    title: 'catalogs.products.title',
    subtitle: 'catalogs.products.subtitle',
    newLabel: 'catalogs.products.new',
    editTitle: 'catalogs.products.edit',
    searchPlaceholder: 'catalogs.searchByNameOrSku',
    dto: CreateProductDto,
    fields: [
      NAME,
      { kind: 'text', name: 'sku', label: 'catalogs.field.sku', hint: 'catalogs.hint.sku', maxLength: 40 },
      {
        kind: 'text',
        name: 'unit',
        label: 'catalogs.field.unit',
        hint: 'catalogs.hint.unit',
        maxLength: 20,
        optional: true,
      },
      { kind: 'money', name: 'price', label: 'catalogs.field.price' },
    ],
    columns: [
      { field: 'sku', from: 'medium' },
      { field: 'unit', from: 'wide' },
      { field: 'price', from: 'medium', numeric: true },
    ],
    filters: [],
  },
  named('business-lines', 'category', {
    title: 'catalogs.business-lines.title',
    subtitle: 'catalogs.business-lines.subtitle',
    newLabel: 'catalogs.business-lines.new',
    editTitle: 'catalogs.business-lines.edit',
  }),
  {
    path: 'locations',
    icon: 'apartment',
    title: 'catalogs.locations.title',
    subtitle: 'catalogs.locations.subtitle',
    newLabel: 'catalogs.locations.new',
    editTitle: 'catalogs.locations.edit',
    searchPlaceholder: 'catalogs.searchByNameOrAddress',
    dto: CreateLocationDto,
    fields: [
      NAME,
      { kind: 'text', name: 'address', label: 'catalogs.field.address', maxLength: 300, wide: true },
      { kind: 'reference', name: 'zoneId', label: 'catalogs.field.zone', catalog: 'zones', optional: true },
      {
        kind: 'text',
        name: 'phone',
        label: 'catalogs.field.phone',
        maxLength: 30,
        optional: true,
        inputType: 'tel',
      },
    ],
    columns: [
      { field: 'address', from: 'medium' },
      { field: 'zoneId', from: 'wide' },
      { field: 'phone', from: 'wide' },
    ],
    filters: [],
  },
  named('zones', 'map', {
    title: 'catalogs.zones.title',
    subtitle: 'catalogs.zones.subtitle',
    newLabel: 'catalogs.zones.new',
    editTitle: 'catalogs.zones.edit',
  }),
  {
    path: 'resources',
    icon: 'chair',
    title: 'catalogs.resources.title',
    subtitle: 'catalogs.resources.subtitle',
    newLabel: 'catalogs.resources.new',
    editTitle: 'catalogs.resources.edit',
    searchPlaceholder: 'catalogs.searchByName',
    dto: CreateResourceDto,
    fields: [
      NAME,
      { kind: 'reference', name: 'locationId', label: 'catalogs.field.location', catalog: 'locations' },
      { kind: 'enum', name: 'type', label: 'catalogs.field.resourceType', options: RESOURCE_TYPE_OPTIONS },
    ],
    columns: [
      { field: 'locationId', from: 'medium' },
      { field: 'type', from: 'medium' },
    ],
    filters: ['locationId', 'type'],
  },
  {
    path: 'insurers',
    icon: 'health_and_safety',
    title: 'catalogs.insurers.title',
    subtitle: 'catalogs.insurers.subtitle',
    newLabel: 'catalogs.insurers.new',
    editTitle: 'catalogs.insurers.edit',
    searchPlaceholder: 'catalogs.searchByNameOrCode',
    dto: CreateInsurerDto,
    fields: [
      NAME,
      { kind: 'text', name: 'code', label: 'catalogs.field.code', hint: 'catalogs.hint.code', maxLength: 40 },
      { kind: 'enum', name: 'kind', label: 'catalogs.field.insurerKind', options: INSURER_KIND_OPTIONS },
    ],
    columns: [
      { field: 'code', from: 'medium' },
      { field: 'kind', from: 'medium' },
    ],
    filters: [],
  },
  named('lead-sources', 'campaign', {
    title: 'catalogs.lead-sources.title',
    subtitle: 'catalogs.lead-sources.subtitle',
    newLabel: 'catalogs.lead-sources.new',
    editTitle: 'catalogs.lead-sources.edit',
  }),
];

/** The catalog served at `path`, if there is one. */
export function catalogConfig(path: string): CatalogConfig | undefined {
  return CATALOGS.find((catalog) => catalog.path === path);
}
