import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditAction,
  type CreateHolidayDto,
  type CreateScheduleBlockDto,
  type CreateSpecialHoursDto,
  type CreateWorkingHoursDto,
  type DoctorScheduleDto,
  type HolidayDto,
  type HolidayQueryDto,
  type Page,
  type ScheduleBlockDto,
  type SpecialHoursDto,
  type WorkingHoursDto,
} from '@consultorio/shared/contracts';
import { AuditService, notFound, unprocessable, type RequestContext } from '@consultorio/api/core';

const hhmm = (time: string) => time.slice(0, 5);
const iso = (value: Date | string) => new Date(value).toISOString();

function assertOrder(start: string, end: string, field = 'end') {
  if (start >= end) {
    throw unprocessable('time-order', `${field} must be after start.`, [
      { field, code: 'timeOrder', message: `${field} must be after start` },
    ]);
  }
}

/**
 * Weekly hours, special hours and blocks of each doctor, and the clinic's holidays. PostgreSQL keeps
 * them consistent: hours only at the doctor's locations, no overlapping ranges (exclusion
 * constraints, answered as 409).
 */
@Injectable()
export class SchedulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async schedule(doctorId: string): Promise<DoctorScheduleDto> {
    await this.assertDoctor(this.dataSource.manager, doctorId);
    const [weekly, specialHours, blocks] = await Promise.all([
      this.dataSource.query(
        `SELECT id, location_id, weekday, start_time, end_time, valid_from::text, valid_to::text
           FROM working_hours WHERE doctor_id = $1 ORDER BY weekday, start_time, valid_from`,
        [doctorId],
      ),
      this.dataSource.query(
        `SELECT id, location_id, date::text, start_time, end_time FROM special_hours
          WHERE doctor_id = $1 AND date >= current_date - 31 ORDER BY date, start_time`,
        [doctorId],
      ),
      this.dataSource.query(
        `SELECT id, kind, lower(period) AS start, upper(period) AS "end", reason FROM schedule_blocks
          WHERE doctor_id = $1 AND upper(period) >= now() - interval '31 days' ORDER BY lower(period)`,
        [doctorId],
      ),
    ]);
    return {
      weekly: weekly.map(toWorkingHours),
      specialHours: specialHours.map(toSpecialHours),
      blocks: blocks.map(toBlock),
    };
  }

  addWorkingHours(
    doctorId: string,
    dto: CreateWorkingHoursDto,
    context: RequestContext,
  ): Promise<WorkingHoursDto> {
    assertOrder(dto.start, dto.end);
    if (dto.validTo && dto.validFrom && dto.validTo < dto.validFrom) {
      throw unprocessable('date-order', 'validTo must not be before validFrom.', [
        { field: 'validTo', code: 'dateOrder', message: 'validTo must not be before validFrom' },
      ]);
    }
    return this.write(context, 'working_hours', doctorId, async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO working_hours (doctor_id, location_id, weekday, start_time, end_time, valid_from, valid_to)
         VALUES ($1, $2, $3, $4, $5, coalesce($6::date, current_date), $7)
         RETURNING id, location_id, weekday, start_time, end_time, valid_from::text, valid_to::text`,
        [
          doctorId,
          dto.locationId,
          dto.weekday,
          dto.start,
          dto.end,
          dto.validFrom ?? null,
          dto.validTo ?? null,
        ],
      );
      return toWorkingHours(row);
    });
  }

  addSpecialHours(
    doctorId: string,
    dto: CreateSpecialHoursDto,
    context: RequestContext,
  ): Promise<SpecialHoursDto> {
    assertOrder(dto.start, dto.end);
    return this.write(context, 'special_hours', doctorId, async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO special_hours (doctor_id, location_id, date, start_time, end_time) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, location_id, date::text, start_time, end_time`,
        [doctorId, dto.locationId, dto.date, dto.start, dto.end],
      );
      return toSpecialHours(row);
    });
  }

  addBlock(
    doctorId: string,
    dto: CreateScheduleBlockDto,
    context: RequestContext,
  ): Promise<ScheduleBlockDto> {
    if (new Date(dto.start).getTime() >= new Date(dto.end).getTime()) assertOrder('1', '0');
    return this.write(context, 'schedule_block', doctorId, async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO schedule_blocks (doctor_id, kind, period, reason) VALUES ($1, $2, tstzrange($3, $4, '[)'), $5)
         RETURNING id, kind, lower(period) AS start, upper(period) AS "end", reason`,
        [doctorId, dto.kind, dto.start, dto.end, dto.reason ?? null],
      );
      return toBlock(row);
    });
  }

  /** Deletes one of the doctor's working hours, special hours or blocks. */
  remove(
    table: 'working_hours' | 'special_hours' | 'schedule_blocks',
    doctorId: string,
    id: string,
    context: RequestContext,
  ): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      // DELETE answers [rows, affected count].
      const [, count] = await manager.query(`DELETE FROM ${table} WHERE id = $1 AND doctor_id = $2`, [
        id,
        doctorId,
      ]);
      if (!count) throw notFound('Schedule entry');
      await this.audit.record(manager, context, {
        action: AuditAction.Delete,
        entity: table.replace(/s$/, ''),
        entityId: id,
        changes: { doctorId: { before: doctorId, after: null } },
      });
    });
  }

  async holidays(query: HolidayQueryDto): Promise<Page<HolidayDto>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const params = [query.from ?? null, query.to ?? null];
    const where = `($1::date IS NULL OR date >= $1) AND ($2::date IS NULL OR date <= $2)`;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT id, date::text, name FROM holidays WHERE ${where} ORDER BY date LIMIT $3 OFFSET $4`,
        [...params, pageSize, (page - 1) * pageSize],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM holidays WHERE ${where}`, params),
    ]);
    return { items, total, page, pageSize };
  }

  addHoliday(dto: CreateHolidayDto, context: RequestContext): Promise<HolidayDto> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO holidays (date, name) VALUES ($1, $2) RETURNING id, date::text, name`,
        [dto.date, dto.name],
      );
      await this.audit.record(manager, context, {
        action: AuditAction.Create,
        entity: 'holiday',
        entityId: row.id,
        changes: { date: { before: null, after: row.date }, name: { before: null, after: row.name } },
      });
      return row;
    });
  }

  removeHoliday(id: string, context: RequestContext): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      // DELETE answers [rows, affected count].
      const [, count] = await manager.query(`DELETE FROM holidays WHERE id = $1`, [id]);
      if (!count) throw notFound('Holiday');
      await this.audit.record(manager, context, {
        action: AuditAction.Delete,
        entity: 'holiday',
        entityId: id,
      });
    });
  }

  private write<T extends { id: string }>(
    context: RequestContext,
    entity: string,
    doctorId: string,
    insert: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertDoctor(manager, doctorId);
      const created = await insert(manager);
      await this.audit.record(manager, context, {
        action: AuditAction.Create,
        entity,
        entityId: created.id,
        changes: Object.fromEntries(
          Object.entries({ doctorId, ...created }).map(([key, value]) => [
            key,
            { before: null, after: value },
          ]),
        ),
      });
      return created;
    });
  }

  private async assertDoctor(manager: EntityManager, doctorId: string): Promise<void> {
    const [doctor] = await manager.query('SELECT 1 FROM doctors WHERE id = $1', [doctorId]);
    if (!doctor) throw notFound('Doctor');
  }
}

interface Row {
  [column: string]: string;
}

function toWorkingHours(row: Row): WorkingHoursDto {
  return {
    id: row['id'],
    locationId: row['location_id'],
    weekday: Number(row['weekday']),
    start: hhmm(row['start_time']),
    end: hhmm(row['end_time']),
    validFrom: row['valid_from'],
    validTo: row['valid_to'] ?? null,
  };
}

function toSpecialHours(row: Row): SpecialHoursDto {
  return {
    id: row['id'],
    locationId: row['location_id'],
    date: row['date'],
    start: hhmm(row['start_time']),
    end: hhmm(row['end_time']),
  };
}

function toBlock(row: Row): ScheduleBlockDto {
  return {
    id: row['id'],
    kind: row['kind'] as ScheduleBlockDto['kind'],
    start: iso(row['start']),
    end: iso(row['end']),
    reason: row['reason'] ?? null,
  };
}
