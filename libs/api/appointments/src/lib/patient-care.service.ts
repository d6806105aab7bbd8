import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuditAction,
  Role,
  type ClinicalNoteDto,
  type CreateClinicalNoteDto,
  type Page,
  type PageQueryDto,
  type PatientAppointmentStatsDto,
  type UpdateClinicalNoteDto,
} from '@consultorio/shared/contracts';
import {
  AuditService,
  diffChanges,
  forbidden,
  notFound,
  unprocessable,
  type RequestContext,
} from '@consultorio/api/core';
import { AppointmentsService } from './appointments.service';

type Row = Record<string, unknown>;
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
const iso = (value: unknown) =>
  new Date(String(value instanceof Date ? value.toISOString() : value)).toISOString();

function toNoteDto(row: Row): ClinicalNoteDto {
  return {
    id: String(row['id']),
    patientId: String(row['patient_id']),
    appointmentId: String(row['appointment_id']),
    appointmentStart: iso(row['starts_at']),
    doctorId: String(row['doctor_id']),
    doctorName: String(row['doctor_name']),
    diagnosis: text(row['diagnosis']),
    treatment: text(row['treatment']),
    notes: text(row['notes']),
    createdAt: iso(row['created_at']),
    updatedAt: iso(row['updated_at']),
  };
}

const SELECT_NOTE = `
  SELECT n.*, a.starts_at, u.full_name AS doctor_name
    FROM clinical_notes n
    JOIN appointments a ON a.id = n.appointment_id
    JOIN doctors d ON d.id = n.doctor_id
    JOIN users u ON u.id = d.user_id`;

/**
 * A patient's care record: the clinical history (doctors write notes on their own appointments;
 * admins and the doctors who treat the patient read it; every read and write is audited) and the
 * facts derived from the patient's appointments.
 */
@Injectable()
export class PatientCareService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly appointments: AppointmentsService,
  ) {}

  async history(
    patientId: string,
    query: PageQueryDto,
    context: RequestContext,
  ): Promise<Page<ClinicalNoteDto>> {
    await this.assertMayRead(patientId, context);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    return this.dataSource.transaction(async (manager) => {
      const [rows, [{ total }]] = await Promise.all([
        manager.query(
          `${SELECT_NOTE} WHERE n.patient_id = $1 ORDER BY a.starts_at DESC, n.created_at DESC LIMIT $2 OFFSET $3`,
          [patientId, pageSize, (page - 1) * pageSize],
        ),
        manager.query(`SELECT count(*)::int AS total FROM clinical_notes WHERE patient_id = $1`, [patientId]),
      ]);
      await this.audit.record(manager, context, {
        action: AuditAction.Read,
        entity: 'clinical_history',
        entityId: patientId,
      });
      return { items: rows.map(toNoteDto), total, page, pageSize };
    });
  }

  async addNote(
    patientId: string,
    dto: CreateClinicalNoteDto,
    context: RequestContext,
  ): Promise<ClinicalNoteDto> {
    const doctorId = await this.appointments.ownDoctorId(context);
    if (!doctorId) throw forbidden('Only doctors write clinical notes.');
    return this.dataSource.transaction(async (manager) => {
      const [appointment] = await manager.query(
        `SELECT patient_id, doctor_id, status FROM appointments WHERE id = $1`,
        [dto.appointmentId],
      );
      if (!appointment || appointment.patient_id !== patientId || appointment.doctor_id !== doctorId) {
        throw unprocessable(
          'not-your-appointment',
          'The note must be for one of your appointments with this patient.',
          [
            {
              field: 'appointmentId',
              code: 'ownAppointment',
              message: 'appointmentId must be your appointment with this patient',
            },
          ],
        );
      }
      if (appointment.status !== 'checked_in' && appointment.status !== 'completed') {
        throw unprocessable('not-attended', 'Notes are written once the patient has checked in.', [
          {
            field: 'appointmentId',
            code: 'attended',
            message: 'the appointment must be checked in or completed',
          },
        ]);
      }
      const [{ id }] = await manager.query(
        `INSERT INTO clinical_notes (patient_id, appointment_id, doctor_id, diagnosis, treatment, notes)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          patientId,
          dto.appointmentId,
          doctorId,
          dto.diagnosis ?? null,
          dto.treatment ?? null,
          dto.notes ?? null,
        ],
      );
      const [row] = await manager.query(`${SELECT_NOTE} WHERE n.id = $1`, [id]);
      const note = toNoteDto(row);
      await this.audit.record(manager, context, {
        action: AuditAction.Create,
        entity: 'clinical_note',
        entityId: id,
        changes: diffChanges(null, note, ['patientId', 'appointmentId', 'diagnosis', 'treatment', 'notes']),
      });
      return note;
    });
  }

  async updateNote(
    patientId: string,
    noteId: string,
    dto: UpdateClinicalNoteDto,
    context: RequestContext,
  ): Promise<ClinicalNoteDto> {
    const doctorId = await this.appointments.ownDoctorId(context);
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `${SELECT_NOTE} WHERE n.id = $1 AND n.patient_id = $2 FOR UPDATE OF n`,
        [noteId, patientId],
      );
      if (!row) throw notFound('Clinical note');
      const before = toNoteDto(row);
      if (before.doctorId !== doctorId) throw forbidden('Only the note’s author may change it.');
      await manager.query(
        `UPDATE clinical_notes SET diagnosis = CASE WHEN $2 THEN $3 ELSE diagnosis END,
                treatment = CASE WHEN $4 THEN $5 ELSE treatment END, notes = CASE WHEN $6 THEN $7 ELSE notes END,
                updated_at = now() WHERE id = $1`,
        [
          noteId,
          dto.diagnosis !== undefined,
          dto.diagnosis ?? null,
          dto.treatment !== undefined,
          dto.treatment ?? null,
          dto.notes !== undefined,
          dto.notes ?? null,
        ],
      );
      const [updated] = await manager.query(`${SELECT_NOTE} WHERE n.id = $1`, [noteId]);
      const after = toNoteDto(updated);
      await this.audit.record(manager, context, {
        action: AuditAction.Update,
        entity: 'clinical_note',
        entityId: noteId,
        changes: diffChanges(before, after, ['diagnosis', 'treatment', 'notes']),
      });
      return after;
    });
  }

  async stats(patientId: string, context: RequestContext): Promise<PatientAppointmentStatsDto> {
    await this.assertExists(patientId);
    const doctorId = await this.appointments.ownDoctorId(context);
    if (doctorId && !(await this.treats(doctorId, patientId))) throw notFound('Patient');
    const [row] = await this.dataSource.query(
      `SELECT max(starts_at) FILTER (WHERE starts_at < now() AND status IN ('checked_in', 'completed')) AS last_appointment,
              min(starts_at) FILTER (WHERE starts_at >= now() AND status IN ('scheduled', 'confirmed')) AS next_appointment,
              count(*)::int AS booked,
              count(*) FILTER (WHERE status = 'completed')::int AS completed,
              count(*) FILTER (WHERE status = 'no_show')::int AS no_show,
              count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
         FROM appointments WHERE patient_id = $1`,
      [patientId],
    );
    return {
      lastAppointment: row.last_appointment ? iso(row.last_appointment) : null,
      nextAppointment: row.next_appointment ? iso(row.next_appointment) : null,
      booked: row.booked,
      completed: row.completed,
      noShow: row.no_show,
      cancelled: row.cancelled,
    };
  }

  /** Whether the doctor has (or had) an appointment with the patient. */
  async treats(doctorId: string, patientId: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT 1 FROM appointments WHERE doctor_id = $1 AND patient_id = $2 LIMIT 1`,
      [doctorId, patientId],
    );
    return !!row;
  }

  private async assertMayRead(patientId: string, context: RequestContext): Promise<void> {
    await this.assertExists(patientId);
    if (context.user?.role !== Role.Doctor) return;
    const doctorId = await this.appointments.ownDoctorId(context);
    if (!doctorId || !(await this.treats(doctorId, patientId))) throw notFound('Patient');
  }

  private async assertExists(patientId: string): Promise<void> {
    const [patient] = await this.dataSource.query(`SELECT 1 FROM patients WHERE id = $1`, [patientId]);
    if (!patient) throw notFound('Patient');
  }
}
