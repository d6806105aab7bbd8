import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppEnvironment } from '@consultorio/api/core';
import { MailTransport } from './mail-transport.service';

/** The longest wait between two attempts. */
const MAX_BACKOFF_MS = 3_600_000;

/** A delivered message, recorded with the rest of its batch. */
interface Sent {
  id: string;
  response: string;
  at: string;
}

interface Claimed {
  id: string;
  recipient: string;
  subject: string;
  body_html: string;
  body_text: string;
  attachments: { filename: string; contentType: string; content: string }[];
  message_id: string;
  attempts: number;
  scheduled: boolean;
}

/** The clinic's daily cap, whether its quiet hours are on now, and its current day. */
const CLINIC_NOW_SQL = `
  SELECT daily_send_cap AS cap, (local.day)::text AS day,
         quiet_hours_start IS NOT NULL AND CASE
           WHEN quiet_hours_start < quiet_hours_end THEN local.t >= quiet_hours_start AND local.t < quiet_hours_end
           ELSE local.t >= quiet_hours_start OR local.t < quiet_hours_end
         END AS quiet
    FROM clinic_settings s
    CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE s.time_zone)::time AS t, (now() AT TIME ZONE s.time_zone)::date AS day) local
   WHERE s.id = 1`;

/** Due: pending and its time has come, or sending with an expired lease (its worker died). */
const DUE = `((status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND lease_until < now()))`;

/** Why a queued message about an appointment was dropped (SQL literal). */
export const NOT_RELEVANT_REASON = `'Not sent: the appointment moved or is no longer scheduled'`;

/**
 * Claims up to $1 transactional and $3 scheduled due messages, leased for $2 seconds. Relevance is
 * checked on the claimed rows only (not on every due one, which a backlog of thousands made the
 * slowest part of a claim): a scheduled message whose appointment moved or ended is cancelled here.
 */
const CLAIM_SQL = `
  WITH transactional AS (
         SELECT id FROM outbox_messages WHERE ${DUE} AND NOT scheduled
          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED),
       scheduled AS (
         SELECT id FROM outbox_messages WHERE ${DUE} AND scheduled
          ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED),
       -- A scheduled message about an appointment still goes out only for its current, live time.
       claimed AS MATERIALIZED (
         SELECT m.id, NOT m.scheduled OR m.related_at IS NULL OR a.id IS NOT NULL AS relevant
           FROM outbox_messages m
           LEFT JOIN appointments a ON a.id = m.related_id AND a.starts_at = m.related_at
                 AND a.status IN ('scheduled', 'confirmed')
          WHERE m.id IN (SELECT id FROM transactional UNION ALL SELECT id FROM scheduled))
  UPDATE outbox_messages m
     SET status = CASE WHEN c.relevant THEN 'sending' ELSE 'cancelled' END,
         last_error = CASE WHEN c.relevant THEN m.last_error ELSE ${NOT_RELEVANT_REASON} END,
         lease_until = CASE WHEN c.relevant THEN now() + make_interval(secs => $2) END,
         attempts = m.attempts + CASE WHEN c.relevant THEN 1 ELSE 0 END, updated_at = now()
    FROM claimed c
   WHERE m.id = c.id
  RETURNING m.id, m.status, m.recipient, m.subject, m.body_html, m.body_text, m.attachments, m.message_id,
            m.attempts, m.scheduled`;

/** Wait before attempt `attempts + 1`: the base, doubled per attempt made, at most an hour. */
export function backoffMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/**
 * Delivers due messages. A batch is claimed in one statement (`FOR UPDATE SKIP LOCKED`, so any
 * number of instances share the work without taking the same row) and leased: a worker that
 * dies mid-batch leaves its rows `sending` until the lease runs out, then they are claimed again.
 * A message whose send completed but whose outcome was not recorded may therefore go out twice;
 * nothing is ever lost. Failures retry with exponential backoff until OUTBOX_MAX_ATTEMPTS.
 */
@Injectable()
export class OutboxDispatcher {
  private readonly logger = new Logger(OutboxDispatcher.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: AppEnvironment,
    private readonly transport: MailTransport,
  ) {}

  /**
   * Claims and sends up to `limit` due messages; resolves with how many were sent. The sent ones
   * are recorded together in one statement once the batch is through.
   */
  async dispatchBatch(limit = this.env.OUTBOX_BATCH_SIZE): Promise<number> {
    const claimed = await this.claim(limit);
    const outcomes = await Promise.all(claimed.map((message) => this.deliver(message)));
    const sent = outcomes.filter((outcome): outcome is Sent => outcome !== null);
    if (sent.length > 0) {
      await this.dataSource.query(
        `UPDATE outbox_messages m
            SET status = 'sent', sent_at = d.sent_at, lease_until = NULL, last_error = NULL,
                provider_message_id = d.response, updated_at = now()
           FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS d(id, response, sent_at)
          WHERE m.id = d.id AND m.status = 'sending'`,
        [sent.map((item) => item.id), sent.map((item) => item.response), sent.map((item) => item.at)],
      );
    }
    return sent.length;
  }

  /**
   * Takes due messages for this worker in one transaction. Transactional messages are always due;
   * scheduled ones (reminders) wait while the clinic's quiet hours last, are skipped once their
   * appointment has moved or ended (the reminder scan cancels them), and only as many as the daily
   * cap has left are taken: the day's count is a row every dispatcher locks, so the cap holds
   * exactly whatever the number of instances (a crashed worker's reclaimed message counts twice,
   * so the cap can only err on the side of sending fewer).
   */
  private claim(limit: number): Promise<Claimed[]> {
    return this.dataSource.transaction(async (manager) => {
      const [clinic]: { cap: number | null; quiet: boolean; day: string }[] =
        await manager.query(CLINIC_NOW_SQL);
      let scheduledLimit = clinic.quiet ? 0 : limit;
      if (clinic.cap !== null && scheduledLimit > 0) {
        await manager.query(`INSERT INTO outbox_daily_sends (day) VALUES ($1) ON CONFLICT DO NOTHING`, [
          clinic.day,
        ]);
        const [{ claimed }] = await manager.query(
          `SELECT scheduled_claimed AS claimed FROM outbox_daily_sends WHERE day = $1 FOR UPDATE`,
          [clinic.day],
        );
        scheduledLimit = Math.max(0, Math.min(limit, clinic.cap - claimed));
      }
      // TypeORM answers an UPDATE … RETURNING with [rows, count].
      const [rows]: [(Claimed & { status: string })[], number] = await manager.query(CLAIM_SQL, [
        limit,
        this.env.OUTBOX_LEASE_SECONDS,
        scheduledLimit,
      ]);
      const claimed = rows.filter((row) => row.status === 'sending');
      const scheduled = claimed.filter((message) => message.scheduled).length;
      if (clinic.cap !== null && scheduled > 0) {
        await manager.query(
          `UPDATE outbox_daily_sends SET scheduled_claimed = scheduled_claimed + $2 WHERE day = $1`,
          [clinic.day, scheduled],
        );
      }
      return claimed;
    });
  }

  /** Sends one message; a failure is recorded at once (with its next attempt), a success returned. */
  private async deliver(message: Claimed): Promise<Sent | null> {
    try {
      const { response } = await this.transport.send({
        to: message.recipient,
        subject: message.subject,
        html: message.body_html,
        text: message.body_text,
        messageId: message.message_id,
        attachments: message.attachments,
      });
      return { id: message.id, response: response.slice(0, 500), at: new Date().toISOString() };
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const giveUp = message.attempts >= this.env.OUTBOX_MAX_ATTEMPTS;
      const waitMs = giveUp ? 0 : backoffMs(message.attempts, this.env.OUTBOX_RETRY_BASE_MS);
      this.logger.warn(
        `Message ${message.id} not delivered (attempt ${message.attempts}${giveUp ? ', giving up' : ''}): ${reason}`,
      );
      await this.dataSource.query(
        `UPDATE outbox_messages
            SET status = $2, lease_until = NULL, last_error = $3, updated_at = now(),
                next_attempt_at = now() + $4::int * interval '1 millisecond'
          WHERE id = $1 AND status = 'sending'`,
        [message.id, giveUp ? 'failed' : 'pending', reason, waitMs],
      );
      return null;
    }
  }
}
