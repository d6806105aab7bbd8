import type { TranslationKey } from '@consultorio/console/core';
import { DocumentType, Gender, PatientStatus } from '@consultorio/shared/contracts';

export const STATUS_KEYS: Readonly<Record<PatientStatus, TranslationKey>> = {
  [PatientStatus.Prospect]: 'patientStatus.prospect',
  [PatientStatus.Active]: 'patientStatus.active',
  [PatientStatus.Inactive]: 'patientStatus.inactive',
};

export const GENDER_KEYS: Readonly<Record<Gender, TranslationKey>> = {
  [Gender.Female]: 'gender.female',
  [Gender.Male]: 'gender.male',
  [Gender.Other]: 'gender.other',
  [Gender.Unspecified]: 'gender.unspecified',
};

export const DOCUMENT_KEYS: Readonly<Record<DocumentType, TranslationKey>> = {
  [DocumentType.Dni]: 'documentType.dni',
  [DocumentType.ForeignerCard]: 'documentType.ce',
  [DocumentType.Passport]: 'documentType.passport',
  [DocumentType.Rut]: 'documentType.rut',
  [DocumentType.Curp]: 'documentType.curp',
  [DocumentType.Other]: 'documentType.other',
};

export const PATIENT_STATUSES: readonly PatientStatus[] = Object.values(PatientStatus);
export const GENDERS: readonly Gender[] = Object.values(Gender);
export const DOCUMENT_TYPES: readonly DocumentType[] = Object.values(DocumentType);

/** Whole years since `birthDate` (`YYYY-MM-DD`) on `today`, or `null` without a birth date. */
export function ageOn(birthDate: string | null, today = new Date()): number | null {
  if (!birthDate) return null;
  const [year, month, day] = birthDate.split('-').map(Number);
  const beforeBirthday =
    today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day);
  return today.getFullYear() - year - (beforeBirthday ? 1 : 0);
}

/** A date without time (`YYYY-MM-DD`) in words, e.g. «2 feb 1975», never shifted by time zones. */
export function formatBirthDate(date: string | null, locale: string): string {
  if (!date) return '';
  const [year, month, day] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(Date.UTC(year, month - 1, day, 12)));
}

/** Initials for an avatar: first letter of the first given name and of the first surname. */
export function initials(firstNames: string, lastNames: string): string {
  return `${firstNames.trim().charAt(0)}${lastNames.trim().charAt(0)}`.toUpperCase();
}
