import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
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
import { DATE_PATTERN } from './doctors.dto';
import { PageQueryDto } from './pagination.dto';

const nullable = (_: object, value: unknown) => value !== null;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export enum AppointmentStatus {
  Scheduled = 'scheduled',
  Confirmed = 'confirmed',
  CheckedIn = 'checked_in',
  Completed = 'completed',
  Cancelled = 'cancelled',
  NoShow = 'no_show',
}

/** Statuses that hold their time slot (the others free it). */
export const LIVE_APPOINTMENT_STATUSES: readonly AppointmentStatus[] = [
  AppointmentStatus.Scheduled,
  AppointmentStatus.Confirmed,
  AppointmentStatus.CheckedIn,
  AppointmentStatus.Completed,
];

/** The only moves between statuses; anything else is refused with 422. */
export const APPOINTMENT_TRANSITIONS: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  [AppointmentStatus.Scheduled]: [
    AppointmentStatus.Confirmed,
    AppointmentStatus.CheckedIn,
    AppointmentStatus.Cancelled,
    AppointmentStatus.NoShow,
  ],
  [AppointmentStatus.Confirmed]: [
    AppointmentStatus.CheckedIn,
    AppointmentStatus.Cancelled,
    AppointmentStatus.NoShow,
  ],
  [AppointmentStatus.CheckedIn]: [AppointmentStatus.Completed, AppointmentStatus.NoShow],
  [AppointmentStatus.Completed]: [],
  [AppointmentStatus.Cancelled]: [],
  [AppointmentStatus.NoShow]: [],
};

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return APPOINTMENT_TRANSITIONS[from].includes(to);
}

export enum BookingChannel {
  Console = 'console',
  Api = 'api',
  Online = 'online',
}

export class CreateAppointmentDto {
  @IsUUID()
  patientId!: string;

  @IsUUID()
  doctorId!: string;

  @IsUUID()
  locationId!: string;

  /** Sets the default duration (and the resource type it needs). */
  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID()
  treatmentId?: string | null;

  /** Room, chair or equipment booked together with the doctor. */
  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID()
  resourceId?: string | null;

  /** ISO 8601 instant with offset, e.g. `2026-12-01T09:00:00-05:00`. */
  @IsISO8601({ strict: true })
  start!: string;

  /** Explicit end; otherwise start + `durationMinutes` or the treatment's duration. */
  @IsOptional()
  @IsISO8601({ strict: true })
  end?: string;

  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(720)
  durationMinutes?: number;

  /** Deliberate overbooking ("sobrecupo"): only admins and doctors; outside the no-overlap rule. */
  @IsOptional()
  @IsBoolean()
  overbooked?: boolean;

  /**
   * Why the booking ignores the doctor's hours, blocks or holidays (admins only); required to
   * book outside them.
   */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  overrideReason?: string;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(300)
  reason?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(2000)
  notes?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(30)
  contactPhone?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsEmail()
  contactEmail?: string | null;

  @IsOptional()
  @IsEnum(BookingChannel)
  channel?: BookingChannel;
}

/** Moving an appointment: new start (and end or duration), possibly another doctor, location or resource. */
export class RescheduleAppointmentDto {
  @IsISO8601({ strict: true })
  start!: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  end?: string;

  @IsOptional()
  @IsUUID()
  doctorId?: string;

  @IsOptional()
  @IsUUID()
  locationId?: string;

  @IsOptional()
  @ValidateIf(nullable)
  @IsUUID()
  resourceId?: string | null;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  overrideReason?: string;

  /** Why it moves (required from staff for the history). */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  reason?: string;
}

export class ChangeAppointmentStatusDto {
  @IsEnum(AppointmentStatus)
  status!: AppointmentStatus;

  /** Required when cancelling. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  reason?: string;
}

export class AppointmentDto {
  id!: string;
  patientId!: string;
  patientName!: string;
  doctorId!: string;
  doctorName!: string;
  locationId!: string;
  treatmentId!: string | null;
  resourceId!: string | null;
  start!: string;
  end!: string;
  status!: AppointmentStatus;
  overbooked!: boolean;
  overrideReason!: string | null;
  reason!: string | null;
  notes!: string | null;
  contactPhone!: string | null;
  contactEmail!: string | null;
  channel!: BookingChannel;
  bookedBy!: string | null;
  cancelReason!: string | null;
  createdAt!: string;
  updatedAt!: string;
}

/** One appointment in the way of a booking, as listed in a 409's `conflicts`. */
export class AppointmentConflictDto {
  id!: string;
  start!: string;
  end!: string;
  doctorId!: string;
  resourceId!: string | null;
  status!: AppointmentStatus;
  /** Which rule it breaks: the doctor's time or the resource's. */
  on!: 'doctor' | 'resource';
}

export class AppointmentQueryDto extends PageQueryDto {
  /** Appointments ending after this instant. */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Appointments starting before this instant. */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @IsOptional()
  @IsUUID()
  doctorId?: string;

  @IsOptional()
  @IsUUID()
  patientId?: string;

  @IsOptional()
  @IsUUID()
  locationId?: string;

  @IsOptional()
  @IsEnum(AppointmentStatus)
  status?: AppointmentStatus;
}

export class AppointmentPageDto {
  items!: AppointmentDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}

/** Who made a change in an appointment's history. */
export enum AppointmentActorKind {
  Staff = 'staff',
  /** The patient: from the portal or from a signed link in an e-mail. */
  Patient = 'patient',
  /** The system itself (imports, automations). */
  System = 'system',
}

/** One change in an appointment's history. */
export class AppointmentEventDto {
  id!: string;
  at!: string;
  kind!: 'booked' | 'rescheduled' | 'status_changed';
  fromStatus!: AppointmentStatus | null;
  toStatus!: AppointmentStatus | null;
  by!: AppointmentActorKind;
  /** The account that did it, when there was one. */
  actorId!: string | null;
  actorName!: string | null;
  /** How a patient did it, e.g. `email_link`; `null` otherwise. */
  via!: string | null;
  reason!: string | null;
  /** For a move: the start before and after. */
  previousStart!: string | null;
  newStart!: string | null;
}

export class AppointmentEventPageDto {
  items!: AppointmentEventDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}

export class AppointmentDateParamDto {
  /** A clinic-local date, `YYYY-MM-DD`. */
  @Matches(DATE_PATTERN, { message: 'date must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  date!: string;
}

/** Query of available slots: a local date range (≤ 62 days) and what the visit needs. */
export class AvailableSlotsQueryDto {
  /** First clinic-local date, `YYYY-MM-DD`. */
  @Matches(DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  from!: string;

  /** Last clinic-local date (inclusive). */
  @Matches(DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  to!: string;

  @IsUUID()
  locationId!: string;

  /** Sets the duration (and, across doctors, the specialty). */
  @IsOptional()
  @IsUUID()
  treatmentId?: string;

  /** Across doctors: any doctor of this specialty. */
  @IsOptional()
  @IsUUID()
  specialtyId?: string;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(5)
  @Max(720)
  durationMinutes?: number;
}

export class AvailableSlotDto {
  start!: string;
  end!: string;
  doctorId!: string;
}

/** A doctor's note for one appointment of theirs: diagnosis, treatment given, free notes. */
export class CreateClinicalNoteDto {
  @IsUUID()
  appointmentId!: string;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(2000)
  diagnosis?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(4000)
  treatment?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(10000)
  notes?: string | null;
}

export class UpdateClinicalNoteDto {
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(2000)
  diagnosis?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(4000)
  treatment?: string | null;

  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(10000)
  notes?: string | null;
}

export class ClinicalNoteDto {
  id!: string;
  patientId!: string;
  appointmentId!: string;
  appointmentStart!: string;
  doctorId!: string;
  doctorName!: string;
  diagnosis!: string | null;
  treatment!: string | null;
  notes!: string | null;
  createdAt!: string;
  updatedAt!: string;
}

export class ClinicalNotePageDto {
  items!: ClinicalNoteDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}

/** Derived facts of a patient's appointments. */
export class PatientAppointmentStatsDto {
  lastAppointment!: string | null;
  nextAppointment!: string | null;
  booked!: number;
  completed!: number;
  noShow!: number;
  cancelled!: number;
}

export class ProductivityQueryDto {
  /** First clinic-local date (inclusive); default: 30 days ago. */
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  from?: string;

  /** Last clinic-local date (inclusive); default: today. */
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  to?: string;
}

/** A doctor's appointments in a period, by status (billing figures come with the billing module). */
export class DoctorProductivityDto {
  doctorId!: string;
  from!: string;
  to!: string;
  total!: number;
  scheduled!: number;
  confirmed!: number;
  checkedIn!: number;
  completed!: number;
  cancelled!: number;
  noShow!: number;
  /** Completed appointments' minutes. */
  attendedMinutes!: number;
  /** Share of past appointments (completed + no-show) that were no-shows, 0–1. */
  noShowRate!: number;
}
