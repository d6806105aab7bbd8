import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AvailableSlotDto, AvailableSlotsQueryDto } from '@consultorio/shared/contracts';
import { preparedQuery, unprocessable } from '@consultorio/api/core';
import {
  addDays,
  availableSlots,
  localDayRange,
  type SpecialHours,
  type WeeklyRange,
} from '@consultorio/shared/scheduling';
import { LIVE_SQL } from './appointment.sql';

const MAX_DAYS = 62;

/** A timestamptz as UTC ISO text with milliseconds, the form the slot function reads fastest. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

type WeeklyRow = [
  doctorId: string,
  weekday: number,
  start: string,
  end: string,
  validFrom: string,
  validTo: string | null,
];
type SpecialRow = [doctorId: string, locationId: string, date: string, start: string, end: string];
type IntervalRow = [doctorId: string, start: string, end: string];

/** Everything a slot search reads, in one row: settings, the treatment's duration and the doctors' agendas. */
interface SlotFacts {
  time_zone: string;
  granularity: number;
  buffer: number;
  treatment_minutes: number | null;
  weekly: WeeklyRow[];
  special: SpecialRow[];
  blocks: IntervalRow[];
  holidays: string[];
  busy: IntervalRow[];
}

/**
 * One statement for the whole search: doctors $1 at location $2, local dates $3 to $4, treatment
 * $5. Blocks and bookings are read over the local dates widened by a day on each side (no UTC
 * offset exceeds 14 h); the slot function clips them. Instants arrive as UTC ISO text and times as
 * `HH:mm`, so nothing is parsed into a `Date` on the way.
 */
const SLOT_FACTS_SQL = `
  WITH settings AS (
    SELECT time_zone, slot_granularity_minutes, default_buffer_minutes,
           tstzrange((($3::date - 1)::timestamp AT TIME ZONE 'UTC'), (($4::date + 2)::timestamp AT TIME ZONE 'UTC'), '[)') AS span
      FROM clinic_settings WHERE id = 1
  )
  SELECT s.time_zone, s.slot_granularity_minutes AS granularity, s.default_buffer_minutes AS buffer,
         (SELECT duration_minutes FROM treatments WHERE id = $5::uuid) AS treatment_minutes,
         (SELECT coalesce(json_agg(json_build_array(w.doctor_id, w.weekday, to_char(w.start_time, 'HH24:MI'),
                                                    to_char(w.end_time, 'HH24:MI'), w.valid_from, w.valid_to)), '[]')
            FROM working_hours w
           WHERE w.doctor_id = ANY($1::uuid[]) AND w.location_id = $2::uuid
             AND w.valid_from <= $4::date AND (w.valid_to IS NULL OR w.valid_to >= $3::date)) AS weekly,
         (SELECT coalesce(json_agg(json_build_array(h.doctor_id, h.location_id, h.date, to_char(h.start_time, 'HH24:MI'),
                                                    to_char(h.end_time, 'HH24:MI'))), '[]')
            FROM special_hours h
           WHERE h.doctor_id = ANY($1::uuid[]) AND h.date BETWEEN $3::date AND $4::date) AS special,
         (SELECT coalesce(json_agg(json_build_array(b.doctor_id, ${iso('lower(b.period)')}, ${iso('upper(b.period)')})), '[]')
            FROM schedule_blocks b
           WHERE b.doctor_id = ANY($1::uuid[]) AND b.period && s.span) AS blocks,
         (SELECT coalesce(json_agg(d.date), '[]') FROM holidays d WHERE d.date BETWEEN $3::date AND $4::date) AS holidays,
         (SELECT coalesce(json_agg(json_build_array(a.doctor_id, ${iso('a.starts_at')}, ${iso('a.ends_at')})
                                   ORDER BY a.starts_at), '[]')
            FROM appointments a
           WHERE a.doctor_id = ANY($1::uuid[]) AND a.status IN ${LIVE_SQL} AND a.period && s.span) AS busy
    FROM settings s`;

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
    const [facts] = await preparedQuery<SlotFacts>(
      this.dataSource,
      'consultorio-slot-facts',
      SLOT_FACTS_SQL,
      [doctorIds, query.locationId, query.from, query.to, query.treatmentId ?? null],
    );
    const durationMinutes = query.durationMinutes ?? facts.treatment_minutes;
    if (!durationMinutes) {
      throw unprocessable('duration-required', 'Give a duration or a treatment.', [
        { field: 'durationMinutes', code: 'required', message: 'durationMinutes or treatmentId is required' },
      ]);
    }
    const timeZone = facts.time_zone;
    const windowStart = localDayRange(query.from, timeZone).start;
    const now = new Date().toISOString();
    const weekly = byDoctor(facts.weekly);
    const special = byDoctor(facts.special);
    const blocks = byDoctor(facts.blocks);
    const busy = byDoctor(facts.busy);
    return doctorIds.flatMap((doctorId) =>
      availableSlots({
        timeZone,
        from: query.from,
        to: query.to,
        weekly: (weekly.get(doctorId) ?? []).map(
          ([, weekday, start, end, validFrom, validTo]): WeeklyRange => ({
            weekday,
            start,
            end,
            validFrom,
            validTo: validTo ?? undefined,
          }),
        ),
        specialHours: specialHoursAt(special.get(doctorId) ?? [], query.locationId),
        blocks: (blocks.get(doctorId) ?? []).map(([, start, end]) => ({ start, end })),
        holidays: facts.holidays,
        busy: (busy.get(doctorId) ?? []).map(([, start, end]) => ({ start, end })),
        durationMinutes,
        granularityMinutes: facts.granularity,
        bufferMinutes: facts.buffer,
        notBefore: now > windowStart ? now : undefined,
      }).map((slot) => ({ start: slot.start, end: slot.end, doctorId })),
    );
  }
}

/**
 * Special hours of a doctor's dates as seen from one location: a date with special hours anywhere
 * replaces its weekly hours, so a date worked elsewhere is closed here.
 */
function specialHoursAt(rows: readonly SpecialRow[], locationId: string): SpecialHours[] {
  const byDate = new Map<string, SpecialHours>();
  for (const [, location, date, start, end] of rows) {
    const entry = byDate.get(date) ?? { date, ranges: [] };
    if (location === locationId) entry.ranges = [...entry.ranges, { start, end }];
    byDate.set(date, entry);
  }
  return [...byDate.values()];
}

/** Rows whose first element is a doctor id, grouped by it. */
function byDoctor<T extends readonly [string, ...unknown[]]>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row[0]);
    if (group) group.push(row);
    else groups.set(row[0], [row]);
  }
  return groups;
}
