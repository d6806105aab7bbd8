import {
  DocumentType,
  Gender,
  Language,
  PatientStatus,
  type CreatePatientDto,
  type PatientDto,
} from '@consultorio/shared/contracts';

/** What the patient dialog's form holds; optional text is `''` while editing, `null` in the API. */
export interface PatientFormValue {
  firstNames: string;
  lastNames: string;
  /** `''` for "no document". */
  documentType: DocumentType | '';
  documentNumber: string;
  birthDate: string;
  gender: Gender;
  phone: string;
  email: string;
  address: string;
  status: PatientStatus;
  preferredLanguage: Language;
  insurerId: string;
  leadSourceId: string;
  emergencyContactName: string;
  emergencyContactPhone: string;
  allergies: string;
  marketingConsent: boolean;
}

export function emptyPatient(language: Language): PatientFormValue {
  return {
    firstNames: '',
    lastNames: '',
    documentType: DocumentType.Dni,
    documentNumber: '',
    birthDate: '',
    gender: Gender.Unspecified,
    phone: '',
    email: '',
    address: '',
    status: PatientStatus.Active,
    preferredLanguage: language,
    insurerId: '',
    leadSourceId: '',
    emergencyContactName: '',
    emergencyContactPhone: '',
    allergies: '',
    marketingConsent: false,
  };
}

export function formValueOf(patient: PatientDto): PatientFormValue {
  return {
    firstNames: patient.firstNames,
    lastNames: patient.lastNames,
    documentType: patient.documentType ?? '',
    documentNumber: patient.documentNumber ?? '',
    birthDate: patient.birthDate ?? '',
    gender: patient.gender,
    phone: patient.phone ?? '',
    email: patient.email ?? '',
    address: patient.address ?? '',
    status: patient.status,
    preferredLanguage: patient.preferredLanguage,
    insurerId: patient.insurerId ?? '',
    leadSourceId: patient.leadSourceId ?? '',
    emergencyContactName: patient.emergencyContactName ?? '',
    emergencyContactPhone: patient.emergencyContactPhone ?? '',
    allergies: patient.allergies ?? '',
    marketingConsent: patient.marketingConsent,
  };
}

const optional = (text: string): string | null => text.trim() || null;

/** The body of `POST /patients`. */
export function toCreatePatient(value: PatientFormValue): CreatePatientDto {
  return {
    firstNames: value.firstNames.trim(),
    lastNames: value.lastNames.trim(),
    documentType: value.documentType || null,
    documentNumber: value.documentType ? optional(value.documentNumber) : null,
    birthDate: value.birthDate || null,
    gender: value.gender,
    phone: optional(value.phone),
    email: optional(value.email),
    address: optional(value.address),
    status: value.status,
    preferredLanguage: value.preferredLanguage,
    insurerId: value.insurerId || null,
    leadSourceId: value.leadSourceId || null,
    emergencyContactName: optional(value.emergencyContactName),
    emergencyContactPhone: optional(value.emergencyContactPhone),
    allergies: optional(value.allergies),
    marketingConsent: value.marketingConsent,
  };
}

/** Only what changed, for `PATCH /patients/{id}`, so concurrent edits of other fields survive. */
export function patientChanges(original: PatientDto, value: PatientFormValue): Partial<CreatePatientDto> {
  const next = toCreatePatient(value);
  const before = toCreatePatient(formValueOf(original));
  const changes: Partial<CreatePatientDto> = {};
  for (const key of Object.keys(next) as (keyof CreatePatientDto)[]) {
    if (next[key] !== before[key]) Object.assign(changes, { [key]: next[key] });
  }
  return changes;
}

/** A document number needs its type and the other way round. */
export function documentRules(value: PatientFormValue): Record<string, Record<string, unknown>> {
  if (value.documentType && !value.documentNumber.trim()) return { documentNumber: { required: true } };
  return {};
}
