import type { CreateDoctorDto, DoctorDto } from '@consultorio/shared/contracts';
import { DOCTOR_COLOURS } from '../shared/staff-labels';

/** What the doctor dialog's form holds; optional text is `''` while editing, `null` in the API. */
export interface DoctorFormValue {
  userId: string;
  documentId: string;
  licenseNumber: string;
  specialtyIds: string[];
  locationIds: string[];
  /** Typed as text so that an empty field means "not given". */
  yearsExperience: string;
  consultationFee: string;
  bio: string;
  color: string;
  available: boolean;
}

export function emptyDoctor(colourIndex = 0): DoctorFormValue {
  return {
    userId: '',
    documentId: '',
    licenseNumber: '',
    specialtyIds: [],
    locationIds: [],
    yearsExperience: '',
    consultationFee: '',
    bio: '',
    color: DOCTOR_COLOURS[colourIndex % DOCTOR_COLOURS.length],
    available: true,
  };
}

export function formValueOf(doctor: DoctorDto): DoctorFormValue {
  return {
    userId: doctor.userId,
    documentId: doctor.documentId ?? '',
    licenseNumber: doctor.licenseNumber,
    specialtyIds: [...doctor.specialtyIds],
    locationIds: [...doctor.locationIds],
    yearsExperience: doctor.yearsExperience === null ? '' : String(doctor.yearsExperience),
    consultationFee: doctor.consultationFee ?? '',
    bio: doctor.bio ?? '',
    color: doctor.color,
    available: doctor.available,
  };
}

const optional = (text: string): string | null => text.trim() || null;

/** The body of `POST /doctors`. A fee written with a decimal comma (`120,50`) is sent with a point. */
export function toCreateDoctor(value: DoctorFormValue): CreateDoctorDto {
  const years = value.yearsExperience.trim();
  return {
    userId: value.userId,
    documentId: optional(value.documentId),
    licenseNumber: value.licenseNumber.trim(),
    specialtyIds: value.specialtyIds,
    locationIds: value.locationIds,
    yearsExperience: years === '' ? null : Number(years),
    consultationFee: optional(value.consultationFee.replace(',', '.')),
    bio: optional(value.bio),
    color: value.color.trim().toLowerCase(),
    available: value.available,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Only what changed, for `PATCH /doctors/{id}` (the linked user never changes). */
export function doctorChanges(original: DoctorDto, value: DoctorFormValue): Partial<CreateDoctorDto> {
  const next = toCreateDoctor(value);
  const before = toCreateDoctor(formValueOf(original));
  const changes: Partial<CreateDoctorDto> = {};
  for (const key of Object.keys(next) as (keyof CreateDoctorDto)[]) {
    if (key === 'userId') continue;
    const [a, b] = [next[key], before[key]];
    const same = Array.isArray(a) && Array.isArray(b) ? sameList(a, b) : a === b;
    if (!same) Object.assign(changes, { [key]: a });
  }
  return changes;
}

/** Rules the DTO leaves to the form: a doctor works somewhere and treats something. */
export function doctorRules(value: DoctorFormValue): Record<string, Record<string, unknown>> {
  const errors: Record<string, Record<string, unknown>> = {};
  if (!value.userId) errors['userId'] = { required: true };
  if (value.specialtyIds.length === 0) errors['specialtyIds'] = { required: true };
  if (value.locationIds.length === 0) errors['locationIds'] = { required: true };
  return errors;
}
