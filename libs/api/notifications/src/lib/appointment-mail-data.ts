import { Language } from '@consultorio/shared/contracts';
import type { AppointmentMailData } from './templates/appointment-mail';

/**
 * The columns an appointment e-mail needs, from `APPOINTMENT_MAIL_FROM`: the visit, the patient's
 * address and language, the clinic's name, address, phone and time zone.
 */
export const APPOINTMENT_MAIL_COLUMNS = `a.id, a.starts_at, a.ends_at, a.status, p.email, p.preferred_language,
  p.first_names || ' ' || p.last_names AS patient_name, u.full_name AS doctor_name,
  t.name AS treatment_name, l.name AS location_name, l.address AS location_address,
  s.name AS clinic_name, s.address AS clinic_address, s.phone AS clinic_phone, s.time_zone,
  (SELECT count(*)::int FROM appointment_events h WHERE h.appointment_id = a.id) AS sequence`;

export const APPOINTMENT_MAIL_FROM = `FROM appointments a
  JOIN patients p ON p.id = a.patient_id
  JOIN doctors d ON d.id = a.doctor_id
  JOIN users u ON u.id = d.user_id
  JOIN locations l ON l.id = a.location_id
  LEFT JOIN treatments t ON t.id = a.treatment_id
  CROSS JOIN clinic_settings s`;

/** A row of `APPOINTMENT_MAIL_COLUMNS`. */
export interface AppointmentMailRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  email: string | null;
  preferred_language: string | null;
  patient_name: string;
  doctor_name: string;
  treatment_name: string | null;
  location_name: string;
  location_address: string | null;
  clinic_name: string;
  clinic_address: string | null;
  clinic_phone: string | null;
  time_zone: string;
  sequence: number;
}

/** The patient's language, Spanish unless they chose English. */
export const mailLanguage = (row: { preferred_language: string | null }): Language =>
  row.preferred_language === Language.En ? Language.En : Language.Es;

/** What the template needs, from a row. */
export function appointmentMailData(
  row: AppointmentMailRow,
  extra: Pick<AppointmentMailData, 'previousStart' | 'links'> = {},
): AppointmentMailData {
  return {
    appointmentId: row.id,
    patientName: row.patient_name,
    doctorName: row.doctor_name,
    treatmentName: row.treatment_name,
    locationName: row.location_name,
    locationAddress: row.location_address,
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    clinicName: row.clinic_name,
    clinicAddress: row.clinic_address,
    clinicPhone: row.clinic_phone,
    timeZone: row.time_zone,
    language: mailLanguage(row),
    sequence: row.sequence,
    ...extra,
  };
}
