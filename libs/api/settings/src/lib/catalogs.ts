import {
  CatalogPageDto,
  CatalogQueryDto,
  CreateInsurerDto,
  CreateLocationDto,
  CreateNamedEntryDto,
  CreateProductDto,
  ProductDto,
  ProductPageDto,
  CreateResourceDto,
  CreateTreatmentDto,
  InsurerPageDto,
  LocationPageDto,
  ResourcePageDto,
  ResourceQueryDto,
  TreatmentPageDto,
  TreatmentQueryDto,
  CatalogEntryDto,
  InsurerDto,
  LocationDto,
  ResourceDto,
  TreatmentDto,
} from '@consultorio/shared/contracts';
import {
  BusinessLineEntity,
  InsurerEntity,
  LeadSourceEntity,
  LocationEntity,
  ProductEntity,
  ResourceEntity,
  SpecialtyEntity,
  TreatmentEntity,
  ZoneEntity,
  type CatalogEntity,
} from './catalog.entities';
import { catalogModuleParts, type CatalogDefinition } from './catalog-crud';

const entry = (entity: CatalogEntity): CatalogEntryDto => ({
  id: entity.id,
  name: entity.name,
  active: entity.active,
  createdAt: entity.createdAt.toISOString(),
  updatedAt: entity.updatedAt.toISOString(),
});

function named<TEntity extends CatalogEntity>(
  path: string,
  singular: string,
  entity: new () => TEntity,
): CatalogDefinition<TEntity, CreateNamedEntryDto, CatalogEntryDto> {
  return {
    path,
    singular,
    entity,
    createDto: CreateNamedEntryDto,
    responseDto: CatalogEntryDto,
    pageDto: CatalogPageDto,
    queryDto: CatalogQueryDto,
    toDto: entry,
    auditedFields: ['name', 'active'],
  };
}

const insurers: CatalogDefinition<InsurerEntity, CreateInsurerDto, InsurerDto> = {
  path: 'insurers',
  singular: 'insurer',
  entity: InsurerEntity,
  createDto: CreateInsurerDto,
  responseDto: InsurerDto,
  pageDto: InsurerPageDto,
  queryDto: CatalogQueryDto,
  searchColumns: ['e.code'],
  toDto: (insurer) => ({ ...entry(insurer), code: insurer.code, kind: insurer.kind }),
  auditedFields: ['name', 'active', 'code', 'kind'],
};

const locations: CatalogDefinition<LocationEntity, CreateLocationDto, LocationDto> = {
  path: 'locations',
  singular: 'location',
  entity: LocationEntity,
  createDto: CreateLocationDto,
  responseDto: LocationDto,
  pageDto: LocationPageDto,
  queryDto: CatalogQueryDto,
  searchColumns: ['e.address'],
  toDto: (location) => ({
    ...entry(location),
    address: location.address,
    zoneId: location.zoneId,
    phone: location.phone,
  }),
  auditedFields: ['name', 'active', 'address', 'zoneId', 'phone'],
};

const resources: CatalogDefinition<ResourceEntity, CreateResourceDto, ResourceDto> = {
  path: 'resources',
  singular: 'resource',
  entity: ResourceEntity,
  createDto: CreateResourceDto,
  responseDto: ResourceDto,
  pageDto: ResourcePageDto,
  queryDto: ResourceQueryDto,
  filters: { locationId: 'e.location_id', type: 'e.type' },
  toDto: (resource) => ({ ...entry(resource), locationId: resource.locationId, type: resource.type }),
  auditedFields: ['name', 'active', 'locationId', 'type'],
};

const treatments: CatalogDefinition<TreatmentEntity, CreateTreatmentDto, TreatmentDto> = {
  path: 'treatments',
  singular: 'treatment',
  entity: TreatmentEntity,
  createDto: CreateTreatmentDto,
  responseDto: TreatmentDto,
  pageDto: TreatmentPageDto,
  queryDto: TreatmentQueryDto,
  filters: { specialtyId: 'e.specialty_id', businessLineId: 'e.business_line_id' },
  toDto: (treatment) => ({
    ...entry(treatment),
    specialtyId: treatment.specialtyId,
    durationMinutes: treatment.durationMinutes,
    price: treatment.price,
    businessLineId: treatment.businessLineId,
    requiredResourceType: treatment.requiredResourceType,
  }),
  auditedFields: [
    'name',
    'active',
    'specialtyId',
    'durationMinutes',
    'price',
    'businessLineId',
    'requiredResourceType',
  ],
};

const products: CatalogDefinition<ProductEntity, CreateProductDto, ProductDto> = {
  path: 'products',
  singular: 'product',
  entity: ProductEntity,
  createDto: CreateProductDto,
  responseDto: ProductDto,
  pageDto: ProductPageDto,
  queryDto: CatalogQueryDto,
  searchColumns: ['e.sku'],
  toDto: (product) => ({ ...entry(product), sku: product.sku, unit: product.unit, price: product.price }),
  auditedFields: ['name', 'active', 'sku', 'unit', 'price'],
};

/** Every catalog of the clinic's configuration, as service providers and controllers. */
export const CATALOGS = [
  catalogModuleParts(named('specialties', 'specialty', SpecialtyEntity)),
  catalogModuleParts(named('business-lines', 'business line', BusinessLineEntity)),
  catalogModuleParts(named('lead-sources', 'lead source', LeadSourceEntity)),
  catalogModuleParts(named('zones', 'zone', ZoneEntity)),
  catalogModuleParts(insurers),
  catalogModuleParts(locations),
  catalogModuleParts(resources),
  catalogModuleParts(treatments),
  catalogModuleParts(products),
];

export const CATALOG_ENTITIES = [
  SpecialtyEntity,
  BusinessLineEntity,
  LeadSourceEntity,
  ZoneEntity,
  InsurerEntity,
  LocationEntity,
  ResourceEntity,
  TreatmentEntity,
  ProductEntity,
];
