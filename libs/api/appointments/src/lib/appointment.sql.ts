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

/** A timestamptz as the API writes instants: ISO 8601 in UTC with milliseconds, like `Date#toISOString`. */
const isoSql = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * An appointment row `a` (with its patient `p` and the doctor's user `u`) as the API's
 * `AppointmentDto`, built by PostgreSQL: the booking statement returns it ready to send.
 */
const APPOINTMENT_JSON = `json_build_object(
    'id', a.id, 'patientId', a.patient_id, 'patientName', p.first_names || ' ' || p.last_names,
    'doctorId', a.doctor_id, 'doctorName', u.full_name, 'locationId', a.location_id,
    'treatmentId', a.treatment_id, 'resourceId', a.resource_id,
    'start', ${isoSql('a.starts_at')}, 'end', ${isoSql('a.ends_at')}, 'status', a.status,
    'overbooked', a.overbooked, 'overrideReason', a.override_reason, 'reason', a.reason, 'notes', a.notes,
    'contactPhone', a.contact_phone, 'contactEmail', a.contact_email, 'channel', a.channel,
    'bookedBy', a.booked_by, 'cancelReason', a.cancel_reason,
    'createdAt', ${isoSql('a.created_at')}, 'updatedAt', ${isoSql('a.updated_at')})`;

/** The facts a booking is checked against (see `BookingFacts`), for doctor $1 at location $2. */
const FACTS_COLUMNS = `
         d.id IS NOT NULL AS doctor_exists, d.available,
         EXISTS (SELECT 1 FROM doctor_locations l WHERE l.doctor_id = d.id AND l.location_id = $2) AS works_there,
         t.required_resource_type AS required_type,
         r.id IS NOT NULL AS resource_exists, r.location_id AS resource_location, r.type AS resource_type,
         r.active AS resource_active`;

/** What a booking or a move is checked against before it is written. */
export interface BookingFacts {
  doctor_exists: boolean;
  available: boolean | null;
  works_there: boolean;
  required_type: string | null;
  resource_exists: boolean;
  resource_location: string | null;
  resource_type: string | null;
  resource_active: boolean | null;
  /** `holiday`, `blocked` or `outside_hours`; null when it fits (or an admin overrides). */
  schedule_problem: string | null;
}

/**
 * The facts for moving an appointment: doctor $1, location $2, treatment $3, resource $4, the new
 * [$5, $6), and whether an admin overrides the schedule ($7).
 */
export const FACTS_SQL = `
  SELECT ${FACTS_COLUMNS},
         CASE WHEN $7::boolean THEN NULL ELSE appointment_schedule_problem($1, $5, $6, $2) END AS schedule_problem
    FROM (SELECT 1) one
    LEFT JOIN doctors d ON d.id = $1
    LEFT JOIN treatments t ON t.id = $3::uuid
    LEFT JOIN resources r ON r.id = $4::uuid`;

/**
 * A whole booking in one statement, atomic on its own: the checks, the appointment, its history
 * row, the `appointment.booked` domain event and the audit entry. The insert happens only when
 * every check passes; the answer always carries the facts, so the caller can say what failed,
 * and `appointment` (the DTO) when it was booked. An overlap fails the statement with 23P01.
 *
 * $1 doctor, $2 location, $3 treatment, $4 resource, $5 start, $6 end (or null: from $7 minutes,
 * or else the treatment's duration), $8 overbooked, $9 override reason, $10 patient, $11 reason,
 * $12 notes, $13 contact phone, $14 contact e-mail, $15 channel, $16 actor, $17 actor's role,
 * $18 client IP, $19 request id, $20 user agent.
 */
export const BOOK_SQL = `
  WITH input AS (
    SELECT $5::timestamptz AS starts_at,
           coalesce($6::timestamptz, $5::timestamptz + make_interval(mins => coalesce($7::int, t.duration_minutes))) AS ends_at
      FROM (SELECT 1) one LEFT JOIN treatments t ON t.id = $3::uuid
  ),
  facts AS (
    SELECT i.starts_at, i.ends_at, ${FACTS_COLUMNS},
           CASE WHEN $9::text IS NOT NULL OR NOT (i.ends_at > i.starts_at) THEN NULL
                ELSE appointment_schedule_problem($1, i.starts_at, i.ends_at, $2) END AS schedule_problem
      FROM input i
      LEFT JOIN doctors d ON d.id = $1
      LEFT JOIN treatments t ON t.id = $3::uuid
      LEFT JOIN resources r ON r.id = $4::uuid
  ),
  inserted AS (
    INSERT INTO appointments (patient_id, doctor_id, location_id, treatment_id, resource_id, starts_at, ends_at,
                              overbooked, override_reason, reason, notes, contact_phone, contact_email, channel, booked_by)
    SELECT $10::uuid, $1::uuid, $2::uuid, $3::uuid, $4::uuid, f.starts_at, f.ends_at, $8::boolean, $9::text,
           $11::text, $12::text, $13::text, $14::text, $15::text, $16::uuid
      FROM facts f
     WHERE f.ends_at > f.starts_at AND f.doctor_exists AND f.works_there AND f.available
       AND f.schedule_problem IS NULL
       AND CASE WHEN $4::uuid IS NULL THEN f.required_type IS NULL
                ELSE f.resource_exists AND f.resource_active AND f.resource_location = $2
                     AND (f.required_type IS NULL OR f.required_type = f.resource_type) END
    RETURNING *
  ),
  booked AS (
    SELECT a.id, ${APPOINTMENT_JSON} AS appointment,
           jsonb_build_object('start', ${isoSql('a.starts_at')}, 'end', ${isoSql('a.ends_at')},
                              'overbooked', a.overbooked, 'overrideReason', a.override_reason) AS details
      FROM inserted a
      JOIN patients p ON p.id = a.patient_id
      JOIN doctors d ON d.id = a.doctor_id
      JOIN users u ON u.id = d.user_id
  ),
  history AS (
    INSERT INTO appointment_events (appointment_id, actor_id, kind, from_status, to_status, details)
    SELECT id, $16::uuid, 'booked', NULL, 'scheduled', details FROM booked
  ),
  event AS (
    INSERT INTO domain_events (type, aggregate_id, payload)
    SELECT 'appointment.booked', id,
           jsonb_build_object('appointment', appointment, 'fromStatus', NULL, 'details', details) FROM booked
  ),
  audit AS (
    INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id, changes, ip, request_id, user_agent)
    SELECT $16::uuid, $17::text, 'create', 'appointment', id::text,
           jsonb_build_object('start', jsonb_build_object('before', NULL, 'after', appointment->'start')),
           $18::text, $19::text, $20::text
      FROM booked
  )
  SELECT f.ends_at, f.doctor_exists, f.available, f.works_there, f.required_type, f.resource_exists,
         f.resource_location, f.resource_type, f.resource_active, f.schedule_problem, b.appointment
    FROM facts f LEFT JOIN booked b ON true`;
