import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { MessageTemplate } from '@consultorio/shared/contracts';
import { AppointmentLinksService } from './appointment-links.service';
import {
  APPOINTMENT_MAIL_COLUMNS,
  APPOINTMENT_MAIL_FROM,
  appointmentMailData,
  type AppointmentMailRow,
} from './appointment-mail-data';
import { NOT_RELEVANT_REASON } from './outbox-dispatcher.service';
import { OutboxService, type NewMessage } from './outbox.service';
import { renderAppointmentMail } from './templates/appointment-mail';

/** Key of the advisory locks (one per partition) that let one instance at a time scan a partition. */
const SCAN_LOCK = 0x636f6e73; // "cons"
/** Parts the scan is split into, by appointment id, for instances to share. */
const SCAN_PARTITIONS = 4;
/** Reminders queued per transaction. */
const BATCH = 500;

/** When the appointment got its current time: booked, or last moved. */
const TIME_SET_AT = `COALESCE((SELECT max(e.at) FROM appointment_events e
  WHERE e.appointment_id = a.id AND e.kind = 'rescheduled'), a.created_at)`;

/**
 * Appointments of partition $4 (of $5) with a reminder due and not yet queued, after the keyset
 * `($2, $3)` (start, id), with what the e-mail needs. A reminder for offset `o` is due from `o` hours before the start until the
 * start, if the appointment got its time before that moment (booked or moved later, its
 * confirmation said it all) and no nearer offset is also due (after an outage, one reminder, not
 * two): so at most one row per appointment. Its dedupe key names the appointment, the offset and
 * the start, so each is queued once, and a moved appointment's new time gets its own. The due rows
 * are found on the appointments alone, walking the live-start index from the keyset, and only the
 * batch's rows are joined to what the e-mail needs.
 */
const DUE_SQL = `
  WITH due AS (
    SELECT a.id, o.hours AS offset_hours, k.dedupe_key
      FROM clinic_settings s
      CROSS JOIN LATERAL unnest(s.reminder_offsets_hours) AS o(hours)
      JOIN appointments a
        ON a.status IN ('scheduled', 'confirmed')
       AND a.starts_at > now() AND a.starts_at <= now() + o.hours * interval '1 hour'
      CROSS JOIN LATERAL (SELECT 'appointment.reminder:' || a.id || ':' || o.hours || 'h:'
                                 || extract(epoch FROM a.starts_at)::bigint AS dedupe_key) k
     WHERE s.id = 1
       AND (a.starts_at, a.id) > ($2::timestamptz, $3::uuid)
       AND (hashtext(a.id::text) & 2147483647) % $5 = $4
       AND ${TIME_SET_AT} <= a.starts_at - o.hours * interval '1 hour'
       AND NOT EXISTS (
             SELECT 1 FROM unnest(s.reminder_offsets_hours) AS n(hours)
              WHERE n.hours < o.hours AND a.starts_at <= now() + n.hours * interval '1 hour'
                AND ${TIME_SET_AT} <= a.starts_at - n.hours * interval '1 hour')
       AND NOT EXISTS (SELECT 1 FROM outbox_messages m WHERE m.dedupe_key = k.dedupe_key)
       AND EXISTS (SELECT 1 FROM patients p WHERE p.id = a.patient_id AND p.email IS NOT NULL)
     ORDER BY a.starts_at, a.id
     LIMIT $1)
  SELECT ${APPOINTMENT_MAIL_COLUMNS}, due.offset_hours, due.dedupe_key
    ${APPOINTMENT_MAIL_FROM}
    JOIN due ON due.id = a.id
   WHERE s.id = 1
   ORDER BY a.starts_at, a.id`;

/** Where a scan starts: before every appointment. */
const SCAN_START = ['-infinity', '00000000-0000-0000-0000-000000000000'] as const;

/** Queued reminders whose appointment has moved, ended or been cancelled since: they never go out. */
const STALE_SQL = `
  UPDATE outbox_messages m
     SET status = 'cancelled', updated_at = now(), last_error = ${NOT_RELEVANT_REASON}
   WHERE m.status = 'pending' AND m.template = $1 AND m.related_at IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM appointments a
                      WHERE a.id = m.related_id AND a.starts_at = m.related_at
                        AND a.status IN ('scheduled', 'confirmed'))`;

type DueRow = AppointmentMailRow & { offset_hours: number; dedupe_key: string };

/**
 * Queues appointment reminders at the clinic's offsets (default 24 h before), exactly once per
 * appointment, offset and start: the outbox's unique dedupe key makes a second queuing a no-op, so
 * any number of instances, restarts or a crash mid-scan (its transaction rolls back) never send
 * one twice; an advisory lock just spares the other instances the same work.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly links: AppointmentLinksService,
  ) {}

  /**
   * One scan: drops stale reminders, queues every due one; resolves with how many were queued. The
   * appointments are split into SCAN_PARTITIONS by id; an instance scans each partition nobody else
   * is scanning (a session advisory lock, released if its connection dies), so several instances
   * share a large scan instead of waiting for each other.
   */
  async run(): Promise<number> {
    let queued = 0;
    for (let partition = 0; partition < SCAN_PARTITIONS; partition++) {
      queued += await this.scanPartition(partition);
    }
    if (queued > 0) this.logger.log(`Queued ${queued} appointment reminder(s)`);
    return queued;
  }

  /** Queues the due reminders of one partition, batch after batch, unless another instance has it. */
  private async scanPartition(partition: number): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock($1, $2) AS locked`, [
        SCAN_LOCK,
        partition,
      ]);
      if (!locked) return 0;
      try {
        if (partition === 0) await runner.query(STALE_SQL, [MessageTemplate.AppointmentReminder]);
        let queued = 0;
        let after: readonly [Date | string, string] = SCAN_START;
        for (;;) {
          await runner.startTransaction();
          try {
            const rows: DueRow[] = await runner.query(DUE_SQL, [BATCH, ...after, partition, SCAN_PARTITIONS]);
            queued += await this.queue(runner.manager, rows);
            await runner.commitTransaction();
            const last = rows.at(-1);
            if (!last || rows.length < BATCH) return queued;
            after = [last.starts_at, last.id];
          } catch (error) {
            await runner.rollbackTransaction();
            throw error;
          }
        }
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1, $2)`, [SCAN_LOCK, partition]);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * A reminder for one appointment now, on staff's request: sent at once (not held by quiet hours
   * or the daily cap), and not counted as the scheduled one.
   */
  async sendNow(manager: EntityManager, appointmentId: string, requestId: string): Promise<string | null> {
    const [row]: AppointmentMailRow[] = await manager.query(
      `SELECT ${APPOINTMENT_MAIL_COLUMNS} ${APPOINTMENT_MAIL_FROM} WHERE a.id = $1 AND s.id = 1`,
      [appointmentId],
    );
    if (!row?.email) return null;
    const message = this.reminder(row, `appointment.reminder:${row.id}:manual:${requestId}`);
    await this.outbox.enqueueMany(manager, [{ ...message, scheduled: false }]);
    const [queued] = await manager.query(`SELECT id FROM outbox_messages WHERE dedupe_key = $1`, [
      message.dedupeKey,
    ]);
    return queued?.id ?? null;
  }

  private async queue(manager: EntityManager, rows: DueRow[]): Promise<number> {
    return this.outbox.enqueueMany(
      manager,
      rows.map((row) => this.reminder(row, row.dedupe_key)),
    );
  }

  private reminder(row: AppointmentMailRow, dedupeKey: string): NewMessage {
    const data = appointmentMailData(row, { links: this.links.urls(row.id, row.starts_at) });
    const mail = renderAppointmentMail(MessageTemplate.AppointmentReminder, data);
    return {
      recipient: row.email as string,
      template: MessageTemplate.AppointmentReminder,
      locale: data.language,
      ...mail,
      relatedEntity: 'appointment',
      relatedId: row.id,
      relatedAt: row.starts_at.toISOString(),
      scheduled: true,
      dedupeKey,
    };
  }
}
