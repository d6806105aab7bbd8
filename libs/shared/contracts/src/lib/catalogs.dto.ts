import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsLocale,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from './pagination.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A decimal amount as a string with at most 2 decimals, e.g. `"120.50"` (never a binary float). */
export const MONEY_PATTERN = /^\d{1,10}(\.\d{1,2})?$/;

/** A clock time `HH:mm`, 00:00–23:59 (no 24:00, unlike working hours). */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const SLOT_GRANULARITIES = [5, 10, 15, 20, 30, 60] as const;

export enum ResourceType {
  Room = 'room',
  DentalChair = 'dental_chair',
  Equipment = 'equipment',
}

export enum InsurerKind {
  Eps = 'eps',
  Isapre = 'isapre',
  Insurer = 'insurer',
  Other = 'other',
}

// ---------------------------------------------------------------- clinic settings

export class ClinicSettingsDto {
  name!: string;
  /** IANA time zone every day, working hour and report bucket is computed in. */
  timeZone!: string;
  /** ISO 4217 code, e.g. `PEN`, `CLP`, `MXN`. */
  currency!: string;
  /** BCP 47 locale for dates, numbers and money, e.g. `es-PE`. */
  locale!: string;
  /** Tax rate as a decimal string, e.g. `"0.18"` for 18 %. */
  taxRate!: string;
  /** Whether prices already include tax. */
  pricesIncludeTax!: boolean;
  /** Step between bookable slot starts, in minutes. */
  slotGranularityMinutes!: number;
  /** Free minutes kept between appointments by default. */
  defaultBufferMinutes!: number;
  /** Patients may not move or cancel within this many hours of the start. */
  cancellationPolicyHours!: number;
  /** Hours before the start at which reminders go out, e.g. `[24, 2]`. */
  reminderOffsetsHours!: number[];
  /**
   * Clinic-time start of the quiet hours, `HH:MM` (e.g. `21:00`): reminders and other scheduled
   * messages due then wait until {@link quietHoursEnd}. `null` (with the end) turns them off.
   */
  quietHoursStart!: string | null;
  /** Clinic-time end of the quiet hours, `HH:MM` (e.g. `08:00`). */
  quietHoursEnd!: string | null;
  /** Most reminders and other scheduled messages sent per clinic day (`null`: no limit); the rest wait for the next day. */
  dailySendCap!: number | null;
  phone!: string | null;
  email!: string | null;
  address!: string | null;
  /** Tax registration printed on invoices (RUC in Peru, RUT in Chile). */
  taxId!: string | null;
  updatedAt!: string;
}

export class UpdateClinicSettingsDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @IsOptional()
  @IsISO4217CurrencyCode()
  currency?: string;

  @IsOptional()
  @IsLocale()
  locale?: string;

  @IsOptional()
  @Matches(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, {
    message: 'taxRate must be a decimal between 0 and 1, e.g. "0.18"',
  })
  taxRate?: string;

  @IsOptional()
  @IsBoolean()
  pricesIncludeTax?: boolean;

  @IsOptional()
  @IsIn(SLOT_GRANULARITIES)
  slotGranularityMinutes?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  defaultBufferMinutes?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(720)
  cancellationPolicyHours?: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(168, { each: true })
  reminderOffsetsHours?: number[];

  /** Set together with quietHoursEnd (both `null` to send at any hour). */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(CLOCK_TIME, { message: 'quietHoursStart must be a time HH:mm, e.g. "21:00"' })
  quietHoursStart?: string | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(CLOCK_TIME, { message: 'quietHoursEnd must be a time HH:mm, e.g. "08:00"' })
  quietHoursEnd?: string | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  dailySendCap?: number | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(30)
  phone?: string | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEmail()
  email?: string | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Transform(trim)
  @IsString()
  @MaxLength(30)
  taxId?: string | null;
}

// ---------------------------------------------------------------- catalogs

/** Query of every catalog list: search by name (accent- and case-insensitive), active filter. */
export class CatalogQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  /** `true` or `false`. */
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}

/** Fields every catalog entry has. */
export class CatalogEntryDto {
  id!: string;
  name!: string;
  active!: boolean;
  createdAt!: string;
  updatedAt!: string;
}

/** Name and active flag: the whole of the simple catalogs (specialties, lead sources, business lines, zones). */
export class CreateNamedEntryDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateInsurerDto extends CreateNamedEntryDto {
  /** Code of the insurer (e.g. its tax or registry code); unique. */
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  code!: string;

  @IsEnum(InsurerKind)
  kind!: InsurerKind;
}

export class InsurerDto extends CatalogEntryDto {
  code!: string;
  kind!: InsurerKind;
}

export class CreateLocationDto extends CreateNamedEntryDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  address!: string;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  zoneId?: string | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(30)
  phone?: string | null;
}

export class LocationDto extends CatalogEntryDto {
  address!: string;
  zoneId!: string | null;
  phone!: string | null;
}

export class CreateResourceDto extends CreateNamedEntryDto {
  @IsUUID()
  locationId!: string;

  @IsEnum(ResourceType)
  type!: ResourceType;
}

export class ResourceDto extends CatalogEntryDto {
  locationId!: string;
  type!: ResourceType;
}

export class CreateTreatmentDto extends CreateNamedEntryDto {
  @IsUUID()
  specialtyId!: string;

  /** Minutes an appointment for this treatment lasts by default. */
  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(720)
  durationMinutes!: number;

  /** Price in the clinic currency, as a decimal string. */
  @Matches(MONEY_PATTERN, {
    message: 'price must be a decimal amount with at most 2 decimals, e.g. "120.50"',
  })
  price!: string;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  businessLineId?: string | null;

  /** A resource of this type (room, chair, equipment) must be booked with the appointment. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEnum(ResourceType)
  requiredResourceType?: ResourceType | null;
}

export class TreatmentDto extends CatalogEntryDto {
  specialtyId!: string;
  durationMinutes!: number;
  price!: string;
  businessLineId!: string | null;
  requiredResourceType!: ResourceType | null;
}

/** Something the clinic sells by the unit (stock arrives with inventory). */
export class CreateProductDto extends CreateNamedEntryDto {
  /** Stock-keeping code, unique. */
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  sku!: string;

  /** Unit it is sold in, e.g. `unit`, `box`, `ml`. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  unit?: string;

  /** Price in the clinic currency, as a decimal string. */
  @Matches(MONEY_PATTERN, {
    message: 'price must be a decimal amount with at most 2 decimals, e.g. "120.50"',
  })
  price!: string;
}

export class ProductDto extends CatalogEntryDto {
  sku!: string;
  unit!: string;
  price!: string;
}

export class ProductPageDto {
  items!: ProductDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}

export class CatalogPageDto {
  items!: CatalogEntryDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}
export class InsurerPageDto {
  items!: InsurerDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}
export class LocationPageDto {
  items!: LocationDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}
export class ResourcePageDto {
  items!: ResourceDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}
export class TreatmentPageDto {
  items!: TreatmentDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}

export class ResourceQueryDto extends CatalogQueryDto {
  @IsOptional()
  @IsUUID()
  locationId?: string;

  @IsOptional()
  @IsEnum(ResourceType)
  type?: ResourceType;
}

export class TreatmentQueryDto extends CatalogQueryDto {
  @IsOptional()
  @IsUUID()
  specialtyId?: string;

  @IsOptional()
  @IsUUID()
  businessLineId?: string;
}
