import type { PatientDto, PatientSummaryDto } from '@consultorio/shared/contracts';
import type { PatientEntity } from './patient.entity';

export function toPatientSummary(patient: PatientEntity): PatientSummaryDto {
  return {
    id: patient.id,
    fullName: `${patient.firstNames} ${patient.lastNames}`,
    firstNames: patient.firstNames,
    lastNames: patient.lastNames,
    documentType: patient.documentType,
    documentNumber: patient.documentNumber,
    phone: patient.phone,
    email: patient.email,
    birthDate: patient.birthDate,
    status: patient.status,
  };
}

export function toPatientDto(patient: PatientEntity): PatientDto {
  return {
    ...toPatientSummary(patient),
    gender: patient.gender,
    address: patient.address,
    leadSourceId: patient.leadSourceId,
    insurerId: patient.insurerId,
    businessLineId: patient.businessLineId,
    budget: patient.budget,
    emergencyContactName: patient.emergencyContactName,
    emergencyContactPhone: patient.emergencyContactPhone,
    allergies: patient.allergies,
    medicalHistory: patient.medicalHistory,
    marketingConsent: patient.marketingConsent,
    preferredLanguage: patient.preferredLanguage,
    userId: patient.userId,
    createdAt: patient.createdAt.toISOString(),
    updatedAt: patient.updatedAt.toISOString(),
  };
}

/** Fields whose changes the audit log records (all of them: a patient's record is sensitive). */
export const AUDITED_PATIENT_FIELDS: (keyof PatientEntity & string)[] = [
  'firstNames',
  'lastNames',
  'documentType',
  'documentNumber',
  'phone',
  'email',
  'birthDate',
  'gender',
  'address',
  'status',
  'leadSourceId',
  'insurerId',
  'businessLineId',
  'budget',
  'emergencyContactName',
  'emergencyContactPhone',
  'allergies',
  'medicalHistory',
  'marketingConsent',
  'preferredLanguage',
  'userId',
];
