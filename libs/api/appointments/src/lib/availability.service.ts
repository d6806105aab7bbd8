import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AvailableSlotDto, AvailableSlotsQueryDto } from '@consultorio/shared/contracts';
import { unprocessable } from '@consultorio/api/core';
import {
  addDays,
  availableSlots,
  localDayRange,
  type Interval,
  type SpecialHours,
  type WeeklyRange,
} from '@consultorio/shared/scheduling';
import { LIVE_SQL } from './appointment.sql';

const MAX_DAYS = 62;
const hhmm = (time: string) => time.slice(0, 5);

type Row = Record<string, string>;

/**
 * Free slots of doctors at a location. Everything is read in one query per kind (hours, special
 * hours, blocks, holidays, bookings) for all the doctors and the whole range at once, then the pure
 * slot function of the shared scheduling library computes each doctor's slots.
 */
@Injectable()
export class AvailabilityService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Slots of one doctor. */
  forDoctor(doctorId: string, query: AvailableSlotsQueryDto): Promise<AvailableSlotDto[]> {
    return this.slots([doctorId], query);
  }

  /** Slots across the available doctors of the treatment's (or the given) specialty at the location. */
  async acrossDoctors(query: AvailableSlotsQueryDto): Promise<AvailableSlotDto[]> {
    let specialtyId = query.specialtyId;
    if (!specialtyId && query.treatmentId) {
      const [treatment] = await this.dataSource.query(`SELECT specialty_id FROM treatments WHERE id = $1`, [
        query.treatmentId,
      ]);
      specialtyId = treatment?.specialty_id;
    }
    if (!specialtyId) {
      throw unprocessable('specialty-required', 'Give a specialty or a treatment.', [
        { field: 'specialtyId', code: 'required', message: 'specialtyId or treatmentId is required' },
      ]);
    }
    const doctors: { id: string }[] = await this.dataSource.query(
      `SELECT d.id FROM doctors d
         JOIN doctor_specialties s ON s.doctor_id = d.id AND s.specialty_id = $1
         JOIN doctor_locations l ON l.doctor_id = d.id AND l.location_id = $2
        WHERE d.available`,
      [specialtyId, query.locationId],
    );
    const slots = await this.slots(
      doctors.map((doctor) => doctor.id),
      query,
    );
    return slots.sort((a, b) => a.start.localeCompare(b.start) || a.doctorId.localeCompare(b.doctorId));
  }

  private async slots(doctorIds: string[], query: AvailableSlotsQueryDto): Promise<AvailableSlotDto[]> {
    if (query.to < query.from || addDays(query.from, MAX_DAYS - 1) < query.to) {
      throw unprocessable('range', `to must be from from to ${MAX_DAYS} days after it.`, [
        { field: 'to', code: 'range', message: `to must be on or after from, at most ${MAX_DAYS} days` },
      ]);
    }
    if (doctorIds.length === 0) return [];
    const [settings] = await this.dataSource.query(
      `SELECT time_zone, slot_granularity_minutes, default_buffer_minutes FROM clinic_settings WHERE id = 1`,
    );
    const durationMinutes = await this.duration(query);
    const timeZone: string = settings.time_zone;
    const window: Interval = {
      start: localDayRange(query.from, timeZone).start,
      end: localDayRange(query.to, timeZone).end,
    };
    const [weekly, special, blocks, holidays, busy] = await Promise.all([
      this.dataSource.query(
        `SELECT doctor_id, weekday, start_time, end_time, valid_from::text, valid_to::text FROM working_hours
          WHERE doctor_id = ANY($1) AND location_id = $2 AND valid_from <= $4 AND (valid_to IS NULL OR valid_to >= $3)`,
        [doctorIds, query.locationId, query.from, query.to],
      ),
      this.dataSource.query(
        `SELECT doctor_id, location_id, date::text, start_time, end_time FROM special_hours
          WHERE doctor_id = ANY($1) AND date BETWEEN $2 AND $3`,
        [doctorIds, query.from, query.to],
      ),
      this.dataSource.query(
        `SELECT doctor_id, lower(period) AS start, upper(period) AS "end" FROM schedule_blocks
          WHERE doctor_id = ANY($1) AND period && tstzrange($2, $3, '[)')`,
        [doctorIds, window.start, window.end],
      ),
      this.dataSource.query(`SELECT date::text FROM holidays WHERE date BETWEEN $1 AND $2`, [
        query.from,
        query.to,
      ]),
      this.dataSource.query(
        `SELECT doctor_id, starts_at AS start, ends_at AS "end" FROM appointments
          WHERE doctor_id = ANY($1) AND status IN ${LIVE_SQL} AND period && tstzrange($2, $3, '[)')
          ORDER BY starts_at`,
        [doctorIds, window.start, window.end],
      ),
    ]);
    const instants = (rows: Row[], doctorId: string): Interval[] =>
      rows
        .filter((row) => row['doctor_id'] === doctorId)
        .map((row) => ({
          start: new Date(row['start']).toISOString(),
          end: new Date(row['end']).toISOString(),
        }));
    const now = new Date().toISOString();
    return doctorIds.flatMap((doctorId) =>
      availableSlots({
        timeZone,
        from: query.from,
        to: query.to,
        weekly: (weekly as Row[])
          .filter((row) => row['doctor_id'] === doctorId)
          .map((row): WeeklyRange => ({
            weekday: Number(row['weekday']),
            start: hhmm(row['start_time']),
            end: hhmm(row['end_time']),
            validFrom: row['valid_from'],
            validTo: row['valid_to'] ?? undefined,
          })),
        specialHours: specialHoursAt(special as Row[], doctorId, query.locationId),
        blocks: instants(blocks, doctorId),
        holidays: (holidays as Row[]).map((row) => row['date']),
        busy: instants(busy, doctorId),
        durationMinutes,
        granularityMinutes: settings.slot_granularity_minutes,
        bufferMinutes: settings.default_buffer_minutes,
        notBefore: now > window.start ? now : undefined,
      }).map((slot) => ({ ...slot, doctorId })),
    );
  }

  private async duration(query: AvailableSlotsQueryDto): Promise<number> {
    if (query.durationMinutes) return query.durationMinutes;
    if (query.treatmentId) {
      const [treatment] = await this.dataSource.query(
        `SELECT duration_minutes FROM treatments WHERE id = $1`,
        [query.treatmentId],
      );
      if (treatment) return treatment.duration_minutes;
    }
    throw unprocessable('duration-required', 'Give a duration or a treatment.', [
      { field: 'durationMinutes', code: 'required', message: 'durationMinutes or treatmentId is required' },
    ]);
  }
}

/**
 * Special hours of a doctor's dates as seen from one location: a date with special hours anywhere
 * replaces its weekly hours, so a date worked elsewhere is closed here.
 */
function specialHoursAt(rows: Row[], doctorId: string, locationId: string): SpecialHours[] {
  const byDate = new Map<string, SpecialHours>();
  for (const row of rows) {
    if (row['doctor_id'] !== doctorId) continue;
    const entry = byDate.get(row['date']) ?? { date: row['date'], ranges: [] };
    if (row['location_id'] === locationId) {
      entry.ranges = [...entry.ranges, { start: hhmm(row['start_time']), end: hhmm(row['end_time']) }];
    }
    byDate.set(row['date'], entry);
  }
  return [...byDate.values()];
}
