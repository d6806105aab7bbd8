import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { MONEY_PATTERN } from './catalogs.dto';
import { Language } from './language';
import { PageQueryDto } from './pagination.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const nullable = (_: object, value: unknown) => value !== null;

export enum DocumentType {
  Dni = 'dni',
  ForeignerCard = 'ce',
  Passport = 'passport',
  Rut = 'rut',
  Curp = 'curp',
  Other = 'other',
}

export enum Gender {
  Female = 'female',
  Male = 'male',
  Other = 'other',
  Unspecified = 'unspecified',
}

export enum PatientStatus {
  Prospect = 'prospect',
  Active = 'active',
  Inactive = 'inactive',
}

/** Writable fields of a patient. Document numbers are stored without spaces or dots, upper-case. */
export class CreatePatientDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  firstNames!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  lastNames!: string;

  @IsOptional()
  @ValidateIf(nullable)
  @IsEnum(DocumentType)
  documentType?: DocumentType | null;

  @IsOptional()
  @ValidateIf(nullable)
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/[\s.]/g, '').toUpperCase() : value))
  @IsString()
  @MinLength(4)
  @MaxLength(20)
  @Matches(/^[A-Z0-9-]+$/, { message: 'documentNumber may only contain letters, digits and "-"' })
  documentNumber?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @Transform(trim)
  @IsString()
  @MaxLength(30)
  @Matches(/^\+?[\d\s()-]{6,30}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  /** `YYYY-MM-DD`. */
  @IsOptional()
  @ValidateIf(nullable)
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthDate must be a date, YYYY-MM-DD' })
  birthDate?: string | null;

  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @IsOptional()
  @IsEnum(PatientStatus)
  status?: PatientStatus;

  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID()
  leadSourceId?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID()
  insurerId?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID()
  businessLineId?: string | null;

  /** Estimated budget in the clinic currency, as a decimal string. */
  @IsOptional()
  @ValidateIf(nullable)
  @Matches(MONEY_PATTERN, { message: 'budget must be a decimal amount with at most 2 decimals' })
  budget?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(120)
  emergencyContactName?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(30)
  emergencyContactPhone?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(2000)
  allergies?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(10000)
  medicalHistory?: string | null;

  /** Whether the patient agreed to receive marketing e-mails. */
  @IsOptional()
  @IsBoolean()
  marketingConsent?: boolean;

  @IsOptional()
  @IsEnum(Language)
  preferredLanguage?: Language;

  /** The patient-role user account the patient signs in with (one account per patient). */
  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID()
  userId?: string | null;
}

export class PatientDto {
  id!: string;
  firstNames!: string;
  lastNames!: string;
  fullName!: string;
  documentType!: DocumentType | null;
  documentNumber!: string | null;
  phone!: string | null;
  email!: string | null;
  birthDate!: string | null;
  gender!: Gender;
  address!: string | null;
  status!: PatientStatus;
  leadSourceId!: string | null;
  insurerId!: string | null;
  businessLineId!: string | null;
  budget!: string | null;
  emergencyContactName!: string | null;
  emergencyContactPhone!: string | null;
  allergies!: string | null;
  medicalHistory!: string | null;
  marketingConsent!: boolean;
  preferredLanguage!: Language;
  /** The patient-role user account linked to the record, if any. */
  userId!: string | null;
  createdAt!: string;
  updatedAt!: string;
}

/** A patient as listed and found by search (no clinical fields). */
export class PatientSummaryDto {
  id!: string;
  fullName!: string;
  firstNames!: string;
  lastNames!: string;
  documentType!: DocumentType | null;
  documentNumber!: string | null;
  phone!: string | null;
  email!: string | null;
  birthDate!: string | null;
  status!: PatientStatus;
}

export class PatientQueryDto extends PageQueryDto {
  /** Name, document, phone or e-mail; accent-, case- and typo-tolerant. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsEnum(PatientStatus)
  status?: PatientStatus;

  @IsOptional()
  @IsUUID()
  leadSourceId?: string;

  @IsOptional()
  @IsUUID()
  insurerId?: string;

  @IsOptional()
  @IsUUID()
  businessLineId?: string;
}

export class PatientSearchQueryDto {
  /** At least 2 characters: name, document, phone or e-mail; accent-, case- and typo-tolerant. */
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q!: string;
}

export class PatientPageDto {
  items!: PatientSummaryDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}
