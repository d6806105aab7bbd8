import type { AppointmentConflictDto, AppointmentDto } from '@consultorio/shared/contracts';

/** Statuses that hold their slot, as SQL. */
export const LIVE_SQL = `('scheduled', 'confirmed', 'checked_in', 'completed')`;

/** An appointment with the names the agenda shows. */
export const SELECT_APPOINTMENT = `
  SELECT a.*, p.first_names || ' ' || p.last_names AS patient_name, u.full_name AS doctor_name
    FROM appointments a
    JOIN patients p ON p.id = a.patient_id
    JOIN doctors d ON d.id = a.doctor_id
    JOIN users u ON u.id = d.user_id`;

type Row = Record<string, unknown>;
const iso = (value: unknown) => (value instanceof Date ? value : new Date(String(value))).toISOString();
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

export function toAppointmentDto(row: Row): AppointmentDto {
  return {
    id: String(row['id']),
    patientId: String(row['patient_id']),
    patientName: String(row['patient_name']),
    doctorId: String(row['doctor_id']),
    doctorName: String(row['doctor_name']),
    locationId: String(row['location_id']),
    treatmentId: text(row['treatment_id']),
    resourceId: text(row['resource_id']),
    start: iso(row['starts_at']),
    end: iso(row['ends_at']),
    status: row['status'] as AppointmentDto['status'],
    overbooked: Boolean(row['overbooked']),
    overrideReason: text(row['override_reason']),
    reason: text(row['reason']),
    notes: text(row['notes']),
    contactPhone: text(row['contact_phone']),
    contactEmail: text(row['contact_email']),
    channel: row['channel'] as AppointmentDto['channel'],
    bookedBy: text(row['booked_by']),
    cancelReason: text(row['cancel_reason']),
    createdAt: iso(row['created_at']),
    updatedAt: iso(row['updated_at']),
  };
}

export function toConflictDto(row: Row): AppointmentConflictDto {
  return {
    id: String(row['id']),
    start: iso(row['starts_at']),
    end: iso(row['ends_at']),
    doctorId: String(row['doctor_id']),
    resourceId: text(row['resource_id']),
    status: row['status'] as AppointmentConflictDto['status'],
    on: row['conflict_on'] as AppointmentConflictDto['on'],
  };
}

/** Live appointments in the way of [$3, $4) for doctor $1 (unless $5 overbooked) or resource $2, except $6. */
export const CONFLICTS_SQL = `
  SELECT id, starts_at, ends_at, doctor_id, resource_id, status,
         CASE WHEN resource_id IS NOT DISTINCT FROM $2::uuid AND $2::uuid IS NOT NULL
                   AND NOT (doctor_id = $1 AND NOT overbooked AND NOT $5::boolean) THEN 'resource' ELSE 'doctor' END AS conflict_on
    FROM appointments
   WHERE status IN ${LIVE_SQL}
     AND period && tstzrange($3::timestamptz, $4::timestamptz, '[)')
     AND id IS DISTINCT FROM $6::uuid
     AND ((doctor_id = $1 AND NOT overbooked AND NOT $5::boolean) OR ($2::uuid IS NOT NULL AND resource_id = $2::uuid))
   ORDER BY starts_at, id`;
