import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppEnvironment } from '@consultorio/api/core';
import { MailTransport } from './mail-transport.service';

/** How long a claimed message stays with its worker; after that another instance may take it. */
const LEASE_SECONDS = 120;
/** The longest wait between two attempts. */
const MAX_BACKOFF_MS = 3_600_000;

interface Claimed {
  id: string;
  recipient: string;
  subject: string;
  body_html: string;
  body_text: string;
  attachments: { filename: string; contentType: string; content: string }[];
  message_id: string;
  attempts: number;
}

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

  /** Claims and sends up to `limit` due messages; resolves with how many were sent. */
  async dispatchBatch(limit = 50): Promise<number> {
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const [claimed]: [Claimed[], number] = await this.dataSource.query(
      `UPDATE outbox_messages m
          SET status = 'sending', lease_until = now() + make_interval(secs => $2), attempts = m.attempts + 1,
              updated_at = now()
        WHERE m.id IN (SELECT id FROM outbox_messages
                        WHERE (status = 'pending' AND next_attempt_at <= now())
                           OR (status = 'sending' AND lease_until < now())
                        ORDER BY next_attempt_at
                        LIMIT $1
                        FOR UPDATE SKIP LOCKED)
        RETURNING m.id, m.recipient, m.subject, m.body_html, m.body_text, m.attachments, m.message_id, m.attempts`,
      [limit, LEASE_SECONDS],
    );
    const results = await Promise.all(claimed.map((message) => this.deliver(message)));
    return results.filter(Boolean).length;
  }

  private async deliver(message: Claimed): Promise<boolean> {
    try {
      const { response } = await this.transport.send({
        to: message.recipient,
        subject: message.subject,
        html: message.body_html,
        text: message.body_text,
        messageId: message.message_id,
        attachments: message.attachments,
      });
      await this.dataSource.query(
        `UPDATE outbox_messages SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL,
                provider_message_id = $2, updated_at = now()
          WHERE id = $1 AND status = 'sending'`,
        [message.id, response.slice(0, 500)],
      );
      return true;
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
      return false;
    }
  }
}
