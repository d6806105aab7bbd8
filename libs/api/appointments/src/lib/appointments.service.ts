import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import {
  AppointmentActorKind,
  AppointmentStatus,
  AuditAction,
  canTransition,
  Role,
  type AppointmentDto,
  type AppointmentEventDto,
  type AppointmentQueryDto,
  type ChangeAppointmentStatusDto,
  type CreateAppointmentDto,
  type DoctorProductivityDto,
  type ProductivityQueryDto,
  type Page,
  type PageQueryDto,
  type RescheduleAppointmentDto,
} from '@consultorio/shared/contracts';
import {
  AuditService,
  forbidden,
  notFound,
  preparedQuery,
  ProblemException,
  unprocessable,
  type RequestContext,
} from '@consultorio/api/core';
import { DoctorsService } from '@consultorio/api/staff';
import {
  BOOK_SQL,
  CONFLICTS_SQL,
  FACTS_SQL,
  SELECT_APPOINTMENT,
  toAppointmentDto,
  toConflictDto,
  type BookingFacts,
} from './appointment.sql';

interface EventRow {
  id: string;
  at: Date;
  kind: AppointmentEventDto['kind'];
  from_status: AppointmentStatus | null;
  to_status: AppointmentStatus | null;
  actor_id: string | null;
  full_name: string | null;
  role: Role | null;
  details: {
    by?: string;
    via?: string;
    reason?: string | null;
    from?: { start?: string };
    to?: { start?: string };
  };
}

function toEventDto(row: EventRow): AppointmentEventDto {
  const details = row.details ?? {};
  const patient = details.by === 'patient' || row.role === Role.Patient;
  return {
    id: row.id,
    at: row.at.toISOString(),
    kind: row.kind,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    by: patient
      ? AppointmentActorKind.Patient
      : row.actor_id
        ? AppointmentActorKind.Staff
        : AppointmentActorKind.System,
    actorId: row.actor_id,
    actorName: row.full_name,
    via: details.via ?? (row.role === Role.Patient ? 'portal' : null),
    reason: details.reason ?? null,
    previousStart: details.from?.start ?? null,
    newStart: details.to?.start ?? null,
  };
}

/** Matches no record: the agenda of a doctor account without a profile, or a patient account without a record. */
const NO_MATCH = '00000000-0000-4000-8000-000000000000';

/** Whose appointments a caller sees: only a doctor's or a patient's, or (empty) every one. */
export interface AppointmentScope {
  doctorId?: string | null;
  patientId?: string | null;
}

/** The only statuses a patient may set on their own appointment. */
const PATIENT_STATUSES: readonly AppointmentStatus[] = [
  AppointmentStatus.Confirmed,
  AppointmentStatus.Cancelled,
];

const SCHEDULE_PROBLEMS: Record<string, string> = {
  holiday: 'The clinic is closed that day (holiday).',
  blocked: 'The doctor is not available then (vacation or blocked time).',
  outside_hours: 'The appointment is outside the doctor’s working hours at that location.',
};

interface Slot {
  doctorId: string;
  locationId: string;
  resourceId: string | null;
  treatmentId: string | null;
  start: string;
  end: string;
  overbooked: boolean;
  overrideReason?: string;
}

function assertTimeOrder(start: string, end: string): void {
  if (new Date(end) <= new Date(start)) {
    throw unprocessable('time-order', 'end must be after start.', [
      { field: 'end', code: 'timeOrder', message: 'end must be after start' },
    ]);
  }
}

/** Throws the 422 that says why the doctor, location, resource or schedule does not fit. */
function assertFits(facts: BookingFacts, slot: Pick<Slot, 'locationId' | 'resourceId'>): void {
  if (!facts.doctor_exists) {
    throw unprocessable('unknown-doctor', 'The doctor does not exist.', [
      { field: 'doctorId', code: 'reference', message: 'doctorId does not exist' },
    ]);
  }
  if (!facts.works_there) {
    throw unprocessable('wrong-location', 'The doctor does not work at that location.', [
      { field: 'locationId', code: 'doctorLocation', message: 'the doctor does not work at this location' },
    ]);
  }
  if (!facts.available)
    throw unprocessable('doctor-unavailable', 'The doctor does not take new appointments.');
  const required = facts.required_type;
  if (slot.resourceId) {
    if (!facts.resource_exists || facts.resource_location !== slot.locationId || !facts.resource_active) {
      throw unprocessable('wrong-resource', 'The resource is not an active one at that location.', [
        {
          field: 'resourceId',
          code: 'resourceLocation',
          message: 'resourceId must be an active resource of the location',
        },
      ]);
    }
    if (required && required !== facts.resource_type) {
      throw unprocessable('wrong-resource-type', `The treatment needs a ${required}.`, [
        { field: 'resourceId', code: 'resourceType', message: `resourceId must be a ${required}` },
      ]);
    }
  } else if (required) {
    throw unprocessable('resource-required', `The treatment needs a ${required}.`, [
      { field: 'resourceId', code: 'required', message: `resourceId (a ${required}) is required` },
    ]);
  }
  const problem = facts.schedule_problem;
  if (problem) {
    throw unprocessable(problem.replace('_', '-'), SCHEDULE_PROBLEMS[problem], [
      { field: 'start', code: problem, message: SCHEDULE_PROBLEMS[problem] },
    ]);
  }
}

/**
 * Booking, moving and the status workflow of appointments. Overlaps are refused by PostgreSQL
 * (exclusion constraints); this service turns them into a 409 that lists every conflict, and checks
 * what the database cannot see: working hours, blocks and holidays in the clinic's time zone.
 */
@Injectable()
export class AppointmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly doctors: DoctorsService,
  ) {}

  /**
   * Books an appointment in one statement (`BOOK_SQL`): checks, insert, history, domain event and
   * audit entry commit together or not at all, in a single round trip to PostgreSQL.
   */
  async create(dto: CreateAppointmentDto, context: RequestContext): Promise<AppointmentDto> {
    const role = context.user?.role;
    if (dto.overbooked && role !== Role.Superadmin && role !== Role.Admin && role !== Role.Doctor) {
      throw forbidden('Only admins and doctors may overbook.');
    }
    this.assertMayOverride(dto.overrideReason, context);
    await this.assertOwnAgenda(context, dto.doctorId);
    const start = new Date(dto.start).toISOString();
    const end = dto.end ? new Date(dto.end).toISOString() : null;
    if (end) assertTimeOrder(start, end);
    const slot = {
      doctorId: dto.doctorId,
      locationId: dto.locationId,
      resourceId: dto.resourceId ?? null,
      treatmentId: dto.treatmentId ?? null,
      overbooked: dto.overbooked ?? false,
    };
    let facts: BookingFacts & { ends_at: Date | null; appointment: AppointmentDto | null };
    try {
      [facts] = await preparedQuery(this.dataSource, 'consultorio-book-appointment', BOOK_SQL, [
        slot.doctorId,
        slot.locationId,
        slot.treatmentId,
        slot.resourceId,
        start,
        end,
        dto.durationMinutes ?? null,
        slot.overbooked,
        dto.overrideReason ?? null,
        dto.patientId,
        dto.reason ?? null,
        dto.notes ?? null,
        dto.contactPhone ?? null,
        dto.contactEmail ?? null,
        dto.channel ?? 'console',
        context.user?.id ?? null,
        role ?? null,
        context.ip,
        context.requestId,
        context.userAgent,
      ]);
    } catch (error) {
      // The end is known once the statement has run; for the conflict list, work it out again.
      throw await this.conflictOr(
        error,
        { ...slot, start, end: end ?? (await this.endOf(dto, start)) },
        null,
      );
    }
    if (facts.appointment) return facts.appointment;
    if (!facts.ends_at) {
      throw unprocessable('duration-required', 'Give an end, a duration or a treatment with a duration.', [
        { field: 'end', code: 'required', message: 'end, durationMinutes or treatmentId is required' },
      ]);
    }
    assertTimeOrder(start, facts.ends_at.toISOString());
    assertFits(facts, slot);
    // Every check passed yet nothing was written: cannot happen, but never answer as if it had.
    throw new Error('The booking statement wrote nothing although every check passed.');
  }

  async reschedule(
    id: string,
    dto: RescheduleAppointmentDto,
    context: RequestContext,
  ): Promise<AppointmentDto> {
    const current = await this.get(id);
    await this.assertOwnAgenda(context, current.doctorId);
    await this.assertOwnAppointment(context, current);
    if (dto.doctorId) await this.assertOwnAgenda(context, dto.doctorId);
    if (
      context.user?.role === Role.Patient &&
      [dto.doctorId, dto.locationId, dto.resourceId].some((value) => value !== undefined)
    ) {
      throw forbidden('Patients may change the time of their appointment only.');
    }
    if (current.status !== AppointmentStatus.Scheduled && current.status !== AppointmentStatus.Confirmed) {
      throw unprocessable('not-movable', `A ${current.status} appointment cannot be moved.`);
    }
    const length = new Date(current.end).getTime() - new Date(current.start).getTime();
    const start = new Date(dto.start).toISOString();
    const end = dto.end
      ? new Date(dto.end).toISOString()
      : new Date(new Date(start).getTime() + length).toISOString();
    if (context.user?.role === Role.Patient) await this.assertPatientMayChange(current, 'move', start);
    const slot: Slot = {
      doctorId: dto.doctorId ?? current.doctorId,
      locationId: dto.locationId ?? current.locationId,
      resourceId: dto.resourceId === undefined ? current.resourceId : dto.resourceId,
      treatmentId: current.treatmentId,
      start,
      end,
      overbooked: current.overbooked,
      overrideReason: dto.overrideReason,
    };
    return this.withConflicts(slot, id, async (manager) => {
      const [locked] = await manager.query(`SELECT status FROM appointments WHERE id = $1 FOR UPDATE`, [id]);
      if (locked.status !== current.status)
        throw unprocessable('changed', 'The appointment changed meanwhile; reload it.');
      await this.assertBookable(manager, slot, context);
      await manager.query(
        `UPDATE appointments SET starts_at = $2, ends_at = $3, doctor_id = $4, location_id = $5, resource_id = $6,
                override_reason = coalesce($7, override_reason), updated_at = now() WHERE id = $1`,
        [id, start, end, slot.doctorId, slot.locationId, slot.resourceId, dto.overrideReason ?? null],
      );
      const moved = await this.byId(manager, id);
      await this.record(manager, context, moved, 'rescheduled', null, AuditAction.Update, {
        from: {
          start: current.start,
          end: current.end,
          doctorId: current.doctorId,
          locationId: current.locationId,
        },
        to: { start, end, doctorId: slot.doctorId, locationId: slot.locationId },
        reason: dto.reason ?? null,
      });
      return moved;
    });
  }

  async changeStatus(
    id: string,
    dto: ChangeAppointmentStatusDto,
    context: RequestContext,
  ): Promise<AppointmentDto> {
    const current = await this.get(id);
    await this.assertOwnAgenda(context, current.doctorId);
    await this.assertOwnAppointment(context, current);
    const asPatient = context.user?.role === Role.Patient;
    if (asPatient && !PATIENT_STATUSES.includes(dto.status)) {
      throw forbidden('Patients may only confirm or cancel their appointments.');
    }
    return this.applyStatus(current, dto, context, { asPatient, details: { reason: dto.reason ?? null } });
  }

  /**
   * The patient confirms or cancels from a signed e-mail link, without an account: the same rules
   * as in the portal (the policy window applies to cancelling), and the history says the patient
   * did it. `expectedStart` is the start the link was made for: a moved appointment refuses it.
   */
  async changeStatusFromPatientLink(
    id: string,
    status: AppointmentStatus.Confirmed | AppointmentStatus.Cancelled,
    expectedStart: string,
    context: RequestContext,
  ): Promise<AppointmentDto> {
    const current = await this.get(id);
    if (new Date(current.start).getTime() !== new Date(expectedStart).getTime()) {
      throw unprocessable('link-outdated', 'The appointment has moved since this link was sent.');
    }
    const reason =
      status === AppointmentStatus.Cancelled ? 'Cancelled by the patient from the e-mail link' : undefined;
    return this.applyStatus(current, { status, reason }, context, {
      asPatient: true,
      details: { reason: reason ?? null, by: 'patient', via: 'email_link' },
    });
  }

  private async applyStatus(
    current: AppointmentDto,
    dto: ChangeAppointmentStatusDto,
    context: RequestContext,
    options: { asPatient: boolean; details: Record<string, unknown> },
  ): Promise<AppointmentDto> {
    if (!canTransition(current.status, dto.status)) {
      throw unprocessable(
        'illegal-transition',
        `An appointment cannot go from ${current.status} to ${dto.status}.`,
        [
          {
            field: 'status',
            code: 'transition',
            message: `${current.status} → ${dto.status} is not allowed`,
          },
        ],
      );
    }
    if (dto.status === AppointmentStatus.Cancelled && !dto.reason) {
      throw unprocessable('reason-required', 'Say why the appointment is cancelled.', [
        { field: 'reason', code: 'required', message: 'reason is required to cancel' },
      ]);
    }
    if (dto.status === AppointmentStatus.Cancelled && options.asPatient)
      await this.assertPatientMayChange(current, 'cancel');
    return this.dataSource.transaction(async (manager) => {
      const [, count] = await manager.query(
        `UPDATE appointments SET status = $3, updated_at = now(),
                cancel_reason = CASE WHEN $3 = 'cancelled' THEN $4 ELSE cancel_reason END,
                cancelled_by = CASE WHEN $3 = 'cancelled' THEN $5::uuid ELSE cancelled_by END,
                cancelled_at = CASE WHEN $3 = 'cancelled' THEN now() ELSE cancelled_at END
          WHERE id = $1 AND status = $2`,
        [current.id, current.status, dto.status, dto.reason ?? null, context.user?.id ?? null],
      );
      if (!count) throw unprocessable('changed', 'The appointment changed meanwhile; reload it.');
      const changed = await this.byId(manager, current.id);
      await this.record(
        manager,
        context,
        changed,
        'status_changed',
        current.status,
        AuditAction.Update,
        options.details,
      );
      return changed;
    });
  }

  async get(id: string): Promise<AppointmentDto> {
    return this.byId(this.dataSource.manager, id);
  }

  async list(query: AppointmentQueryDto, scope: AppointmentScope = {}): Promise<Page<AppointmentDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.from) add('a.ends_at > ?', query.from);
    if (query.to) add('a.starts_at < ?', query.to);
    if (query.doctorId) add('a.doctor_id = ?', query.doctorId);
    if (scope.doctorId) add('a.doctor_id = ?', scope.doctorId);
    if (scope.patientId) add('a.patient_id = ?', scope.patientId);
    if (query.patientId) add('a.patient_id = ?', query.patientId);
    if (query.locationId) add('a.location_id = ?', query.locationId);
    if (query.status) add('a.status = ?', query.status);
    const sortable: Record<string, string> = { start: 'a.starts_at', createdAt: 'a.created_at' };
    const sort = query.sort ?? 'start';
    const field = sort.replace(/^-/, '');
    if (!sortable[field]) {
      throw new ProblemException({
        status: 400,
        slug: 'validation',
        title: 'Bad Request',
        detail: 'sort must be one of: start, createdAt (prefix - for descending).',
        errors: [{ field: 'sort', code: 'isIn', message: 'sort must be one of start, createdAt' }],
      });
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `${SELECT_APPOINTMENT} ${filter} ORDER BY ${sortable[field]} ${sort.startsWith('-') ? 'DESC' : 'ASC'}, a.id
          LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        params,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM appointments a ${filter}`, params),
    ]);
    return { items: rows.map(toAppointmentDto), total, page, pageSize };
  }

  /** What happened to one appointment and who did it, oldest first. */
  async history(
    id: string,
    query: PageQueryDto,
    context: RequestContext,
  ): Promise<Page<AppointmentEventDto>> {
    await this.getInScope(id, context);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT e.id::text, e.at, e.kind, e.from_status, e.to_status, e.actor_id, u.full_name, u.role, e.details
           FROM appointment_events e LEFT JOIN users u ON u.id = e.actor_id
          WHERE e.appointment_id = $1 ORDER BY e.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        [id],
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM appointment_events WHERE appointment_id = $1`,
        [id],
      ),
    ]);
    return { items: (rows as EventRow[]).map(toEventDto), total, page, pageSize };
  }

  /** Appointments of one clinic-local day (in the clinic's time zone), by start. */
  async onDate(
    date: string,
    query: AppointmentQueryDto,
    scope: AppointmentScope = {},
  ): Promise<Page<AppointmentDto>> {
    const [range] = await this.dataSource.query(
      `SELECT ($1::date::timestamp AT TIME ZONE time_zone) AS "from", (($1::date + 1)::timestamp AT TIME ZONE time_zone) AS "to"
         FROM clinic_settings WHERE id = 1`,
      [date],
    );
    return this.list(
      { ...query, from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() },
      scope,
    );
  }

  /** A doctor's appointments by status over clinic-local dates (default: the last 30 days). */
  async productivity(
    doctorId: string,
    query: ProductivityQueryDto,
    context: RequestContext,
  ): Promise<DoctorProductivityDto> {
    await this.assertOwnAgenda(context, doctorId);
    const [row] = await this.dataSource.query(
      `WITH tz AS (SELECT time_zone FROM clinic_settings WHERE id = 1),
       span AS (
         SELECT coalesce($2::date, (now() AT TIME ZONE tz.time_zone)::date - 30) AS from_date,
                coalesce($3::date, (now() AT TIME ZONE tz.time_zone)::date) AS to_date, tz.time_zone FROM tz
       )
       SELECT span.from_date::text AS from_date, span.to_date::text AS to_date,
              EXISTS (SELECT 1 FROM doctors WHERE id = $1) AS doctor_exists,
              count(a.id)::int AS total,
              count(*) FILTER (WHERE a.status = 'scheduled')::int AS scheduled,
              count(*) FILTER (WHERE a.status = 'confirmed')::int AS confirmed,
              count(*) FILTER (WHERE a.status = 'checked_in')::int AS checked_in,
              count(*) FILTER (WHERE a.status = 'completed')::int AS completed,
              count(*) FILTER (WHERE a.status = 'cancelled')::int AS cancelled,
              count(*) FILTER (WHERE a.status = 'no_show')::int AS no_show,
              coalesce(sum(extract(epoch FROM a.ends_at - a.starts_at) / 60) FILTER (WHERE a.status = 'completed'), 0)::int
                AS attended_minutes
         FROM span
         LEFT JOIN appointments a ON a.doctor_id = $1
              AND a.starts_at >= (span.from_date::timestamp AT TIME ZONE span.time_zone)
              AND a.starts_at < ((span.to_date + 1)::timestamp AT TIME ZONE span.time_zone)
        GROUP BY span.from_date, span.to_date`,
      [doctorId, query.from ?? null, query.to ?? null],
    );
    if (!row.doctor_exists) throw notFound('Doctor');
    const past = row.completed + row.no_show;
    return {
      doctorId,
      from: row.from_date,
      to: row.to_date,
      total: row.total,
      scheduled: row.scheduled,
      confirmed: row.confirmed,
      checkedIn: row.checked_in,
      completed: row.completed,
      cancelled: row.cancelled,
      noShow: row.no_show,
      attendedMinutes: row.attended_minutes,
      noShowRate: past === 0 ? 0 : Math.round((row.no_show / past) * 1000) / 1000,
    };
  }

  /**
   * The doctor profile of a doctor-role user: their agenda is the only one they see and act on.
   * A doctor account without a profile gets an id that matches nothing (an empty agenda).
   */
  async ownDoctorId(context: RequestContext): Promise<string | null> {
    if (context.user?.role !== Role.Doctor) return null;
    return (await this.doctors.idOfUser(context.user.id)) ?? NO_MATCH;
  }

  /**
   * Whose appointments the caller sees and acts on: a doctor their own agenda, a patient their own
   * appointments (through the patient record linked to their account), staff every appointment.
   */
  async scopeOf(context: RequestContext): Promise<AppointmentScope> {
    const user = context.user;
    if (user?.role === Role.Doctor) return { doctorId: await this.ownDoctorId(context) };
    if (user?.role === Role.Patient) {
      const [patient] = await this.dataSource.query(`SELECT id FROM patients WHERE user_id = $1`, [user.id]);
      return { patientId: patient?.id ?? NO_MATCH };
    }
    return {};
  }

  /** One appointment within the caller's scope; outside it, answers like a missing one. */
  async getInScope(id: string, context: RequestContext): Promise<AppointmentDto> {
    const appointment = await this.get(id);
    const scope = await this.scopeOf(context);
    if (
      (scope.doctorId && scope.doctorId !== appointment.doctorId) ||
      (scope.patientId && scope.patientId !== appointment.patientId)
    ) {
      throw notFound('Appointment');
    }
    return appointment;
  }

  /** Someone else's appointment answers a patient like a missing one. */
  private async assertOwnAppointment(context: RequestContext, appointment: AppointmentDto): Promise<void> {
    if (context.user?.role !== Role.Patient) return;
    const { patientId } = await this.scopeOf(context);
    if (patientId !== appointment.patientId) throw notFound('Appointment');
  }

  /**
   * A patient may only move or cancel their own appointment, and not within the clinic's policy
   * window (default 24 h) before it starts, nor move it into that window; staff always can.
   */
  private async assertPatientMayChange(
    current: AppointmentDto,
    change: 'move' | 'cancel',
    newStart?: string,
  ): Promise<void> {
    const [{ hours }] = await this.dataSource.query(
      `SELECT cancellation_policy_hours AS hours FROM clinic_settings WHERE id = 1`,
    );
    const limit = Date.now() + hours * 3_600_000;
    const late = (start: string) => new Date(start).getTime() < limit;
    if (late(current.start) || (newStart && late(newStart))) {
      const what = change === 'move' ? 'moved' : 'cancelled';
      throw unprocessable(
        'policy-window',
        `Appointments can be ${what} online up to ${hours} hours before they start; please call the clinic.`,
        [
          {
            field: change === 'move' && !late(current.start) ? 'start' : 'id',
            code: 'policyWindow',
            message: `must be at least ${hours} hours ahead`,
          },
        ],
      );
    }
  }

  private async assertOwnAgenda(context: RequestContext, doctorId: string): Promise<void> {
    const own = await this.ownDoctorId(context);
    if (own && own !== doctorId) throw forbidden('Doctors act on their own agenda only.');
  }

  /** The end a booking without an explicit one gets: start plus the duration or the treatment's. */
  private async endOf(dto: CreateAppointmentDto, start: string): Promise<string> {
    let minutes = dto.durationMinutes;
    if (!minutes && dto.treatmentId) {
      const [treatment] = await this.dataSource.query(
        `SELECT duration_minutes FROM treatments WHERE id = $1`,
        [dto.treatmentId],
      );
      minutes = treatment?.duration_minutes;
    }
    return new Date(new Date(start).getTime() + (minutes ?? 0) * 60_000).toISOString();
  }

  private assertMayOverride(overrideReason: string | undefined, context: RequestContext): void {
    if (overrideReason && context.user?.role !== Role.Superadmin && context.user?.role !== Role.Admin) {
      throw forbidden('Only admins may book outside the doctor’s schedule.');
    }
  }

  /** What the database cannot check by itself for a move: the doctor works there and then, the resource fits. */
  private async assertBookable(manager: EntityManager, slot: Slot, context: RequestContext): Promise<void> {
    assertTimeOrder(slot.start, slot.end);
    this.assertMayOverride(slot.overrideReason, context);
    const [facts] = await manager.query(FACTS_SQL, [
      slot.doctorId,
      slot.locationId,
      slot.treatmentId,
      slot.resourceId,
      slot.start,
      slot.end,
      !!slot.overrideReason,
    ]);
    assertFits(facts, slot);
  }

  /** Runs a move; when PostgreSQL refuses an overlap, answers 409 with every conflicting appointment. */
  private async withConflicts<T>(
    slot: Slot,
    selfId: string | null,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      throw await this.conflictOr(error, slot, selfId);
    }
  }

  /** A 409 listing every live appointment in the way when `error` is an overlap; else `error` itself. */
  private async conflictOr(
    error: unknown,
    slot: Pick<Slot, 'doctorId' | 'resourceId' | 'start' | 'end' | 'overbooked'>,
    selfId: string | null,
  ): Promise<unknown> {
    if (!(error instanceof QueryFailedError) || (error.driverError as { code?: string }).code !== '23P01')
      return error;
    const rows = await this.dataSource.query(CONFLICTS_SQL, [
      slot.doctorId,
      slot.resourceId,
      slot.start,
      slot.end,
      slot.overbooked,
      selfId,
    ]);
    const conflicts = rows.map(toConflictDto);
    return new ProblemException({
      status: 409,
      slug: 'appointment-conflict',
      title: 'Conflict',
      detail: `The time overlaps ${conflicts.length || 'an'} existing appointment${conflicts.length === 1 ? '' : 's'}.`,
      extensions: { conflicts },
    });
  }

  private async byId(manager: EntityManager, id: string): Promise<AppointmentDto> {
    const [row] = await manager.query(`${SELECT_APPOINTMENT} WHERE a.id = $1`, [id]);
    if (!row) throw notFound('Appointment');
    return toAppointmentDto(row);
  }

  /** History row, domain event (for reminders and billing) and audit entry, in the booking's transaction. */
  private async record(
    manager: EntityManager,
    context: RequestContext,
    appointment: AppointmentDto,
    kind: 'booked' | 'rescheduled' | 'status_changed',
    fromStatus: AppointmentStatus | null,
    action: AuditAction,
    details: Record<string, unknown>,
  ): Promise<void> {
    const type =
      kind === 'status_changed' && appointment.status === AppointmentStatus.Cancelled ? 'cancelled' : kind;
    // History and domain event in one statement.
    await manager.query(
      `WITH history AS (
         INSERT INTO appointment_events (appointment_id, actor_id, kind, from_status, to_status, details)
         VALUES ($1, $2, $3, $4, $5, $6)
       )
       INSERT INTO domain_events (type, aggregate_id, payload) VALUES ($7, $1, $8)`,
      [
        appointment.id,
        context.user?.id ?? null,
        kind,
        fromStatus,
        appointment.status,
        details,
        `appointment.${type}`,
        { appointment, fromStatus, details },
      ],
    );
    await this.audit.record(manager, context, {
      action,
      entity: 'appointment',
      entityId: appointment.id,
      changes: {
        ...(fromStatus ? { status: { before: fromStatus, after: appointment.status } } : {}),
        ...(kind !== 'status_changed'
          ? { start: { before: details['from'] ?? null, after: appointment.start } }
          : {}),
      },
    });
  }
}
