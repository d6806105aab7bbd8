import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { MONEY_PATTERN } from './catalogs.dto';
import { PageQueryDto } from './pagination.dto';

const nullable = (_: object, value: unknown) => value !== null;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** `HH:mm`, 00:00–24:00. */
export const TIME_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
/** `YYYY-MM-DD`. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export class CreateDoctorDto {
  /** The doctor's user account (role `doctor`). */
  @IsUUID()
  userId!: string;

  @IsOptional()
  @ValidateIf(nullable)
  @Transform(trim)
  @IsString()
  @MaxLength(20)
  documentId?: string | null;

  /** Professional license (CMP, registro…); unique. */
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(30)
  licenseNumber!: string;

  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(10)
  @IsUUID('4', { each: true })
  specialtyIds!: string[];

  /** Locations (sedes) where the doctor works. */
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true })
  locationIds!: string[];

  @IsOptional()
  @ValidateIf(nullable)
  @IsInt()
  @Min(0)
  @Max(70)
  yearsExperience?: number | null;

  @IsOptional()
  @ValidateIf(nullable)
  @Matches(MONEY_PATTERN, { message: 'consultationFee must be a decimal amount with at most 2 decimals' })
  consultationFee?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(2000)
  bio?: string | null;

  /** Calendar colour, `#rrggbb`. */
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'color must be a hex colour like #1e88e5' })
  color!: string;

  /** Whether new appointments may be booked with the doctor. */
  @IsOptional()
  @IsBoolean()
  available?: boolean;
}

export class DoctorDto {
  id!: string;
  userId!: string;
  fullName!: string;
  email!: string;
  documentId!: string | null;
  licenseNumber!: string;
  specialtyIds!: string[];
  locationIds!: string[];
  yearsExperience!: number | null;
  consultationFee!: string | null;
  bio!: string | null;
  color!: string;
  available!: boolean;
  createdAt!: string;
  updatedAt!: string;
}

export class DoctorQueryDto extends PageQueryDto {
  /** Name or license number. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsUUID()
  specialtyId?: string;

  @IsOptional()
  @IsUUID()
  locationId?: string;

  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  available?: boolean;
}

export class DoctorPageDto {
  items!: DoctorDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}

// ---------------------------------------------------------------- schedules

/** A weekly working range at one location, in the clinic's local time. */
export class CreateWorkingHoursDto {
  @IsUUID()
  locationId!: string;

  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @Matches(TIME_PATTERN, { message: 'start must be a time HH:mm' })
  start!: string;

  @Matches(TIME_PATTERN, { message: 'end must be a time HH:mm' })
  end!: string;

  /** First day the range applies (`YYYY-MM-DD`); default: today. */
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE_PATTERN, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom?: string;

  /** Last day the range applies; `null` for open-ended. */
  @IsOptional()
  @ValidateIf(nullable)
  @IsISO8601({ strict: true })
  @Matches(DATE_PATTERN, { message: 'validTo must be a date YYYY-MM-DD' })
  validTo?: string | null;
}

export class WorkingHoursDto {
  id!: string;
  locationId!: string;
  weekday!: number;
  start!: string;
  end!: string;
  validFrom!: string;
  validTo!: string | null;
}

export enum BlockKind {
  Vacation = 'vacation',
  Block = 'block',
}

/** Time the doctor cannot be booked (vacation, a meeting…), as absolute instants. */
export class CreateScheduleBlockDto {
  @IsEnum(BlockKind)
  kind!: BlockKind;

  @IsISO8601({ strict: true })
  start!: string;

  @IsISO8601({ strict: true })
  end!: string;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(300)
  reason?: string | null;
}

export class ScheduleBlockDto {
  id!: string;
  kind!: BlockKind;
  start!: string;
  end!: string;
  reason!: string | null;
}

/** Hours for one date that replace the weekly hours of that date (all of the doctor's ranges that day). */
export class CreateSpecialHoursDto {
  @IsUUID()
  locationId!: string;

  @IsISO8601({ strict: true })
  @Matches(DATE_PATTERN, { message: 'date must be a date YYYY-MM-DD' })
  date!: string;

  @Matches(TIME_PATTERN, { message: 'start must be a time HH:mm' })
  start!: string;

  @Matches(TIME_PATTERN, { message: 'end must be a time HH:mm' })
  end!: string;
}

export class SpecialHoursDto {
  id!: string;
  locationId!: string;
  date!: string;
  start!: string;
  end!: string;
}

export class DoctorScheduleDto {
  weekly!: WorkingHoursDto[];
  specialHours!: SpecialHoursDto[];
  blocks!: ScheduleBlockDto[];
}

export class CreateHolidayDto {
  @IsISO8601({ strict: true })
  @Matches(DATE_PATTERN, { message: 'date must be a date YYYY-MM-DD' })
  date!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;
}

export class HolidayDto {
  id!: string;
  date!: string;
  name!: string;
}

export class HolidayQueryDto extends PageQueryDto {
  /** First date (inclusive). */
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  /** Last date (inclusive). */
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}

export class HolidayPageDto {
  items!: HolidayDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}
