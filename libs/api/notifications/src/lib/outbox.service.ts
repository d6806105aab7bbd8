import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  OutboxStatus,
  type OutboxMessageDetailDto,
  type OutboxMessageDto,
  type OutboxPageDto,
  type OutboxQueryDto,
} from '@consultorio/shared/contracts';
import {
  AppEnvironment,
  AuditService,
  conflict,
  notFound,
  ProblemException,
  type RequestContext,
} from '@consultorio/api/core';
import { AuditAction } from '@consultorio/shared/contracts';

/** A message to queue; rendered already, so what was sent is exactly what the row holds. */
export interface NewMessage {
  recipient: string;
  template: string;
  locale: string;
  subject: string;
  html: string;
  text: string;
  attachments?: { filename: string; contentType: string; content: string }[];
  relatedEntity?: string;
  relatedId?: string;
  /** The instant the message is about (a reminder's appointment start): once the record has moved, it is not sent. */
  relatedAt?: string;
  /** Whether it is a scheduled message (a reminder): it waits out the quiet hours and counts toward the daily cap. */
  scheduled?: boolean;
  /** Unique per intended message (e.g. `appointment.confirmation:<id>`): queuing it twice is a no-op. */
  dedupeKey: string;
}

type Row = Record<string, unknown>;
const iso = (value: unknown) => (value ? (value as Date).toISOString() : null);

function toDto(row: Row): OutboxMessageDto {
  return {
    id: String(row['id']),
    channel: String(row['channel']),
    recipient: String(row['recipient']),
    template: String(row['template']),
    locale: String(row['locale']),
    subject: String(row['subject']),
    relatedEntity: (row['related_entity'] as string | null) ?? null,
    relatedId: (row['related_id'] as string | null) ?? null,
    messageId: String(row['message_id']),
    status: row['status'] as OutboxStatus,
    attempts: Number(row['attempts']),
    nextAttemptAt: iso(row['next_attempt_at']) as string,
    lastError: (row['last_error'] as string | null) ?? null,
    providerMessageId: (row['provider_message_id'] as string | null) ?? null,
    sentAt: iso(row['sent_at']),
    createdAt: iso(row['created_at']) as string,
    updatedAt: iso(row['updated_at']) as string,
    attachments: (
      (row['attachments'] as { filename: string; contentType: string; content: string }[]) ?? []
    ).map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: Buffer.byteLength(attachment.content),
    })),
  };
}

const LIST_COLUMNS = `id, channel, recipient, template, locale, subject, related_entity, related_id, message_id, status,
  attempts, next_attempt_at, last_error, provider_message_id, sent_at, created_at, updated_at, attachments`;

/**
 * The outbox: every outgoing message is a row first, written in the transaction of what caused
 * it; the dispatcher delivers it. Lists, details, resend and cancel for the console.
 */
@Injectable()
export class OutboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: AppEnvironment,
    private readonly audit: AuditService,
  ) {}

  /** Queues a message through `manager` (the cause's transaction); false when its dedupe key was queued before. */
  async enqueue(manager: EntityManager, message: NewMessage): Promise<boolean> {
    return (await this.enqueueMany(manager, [message])) > 0;
  }

  /** Queues messages in one statement; resolves with how many were new (the others' dedupe keys were queued before). */
  async enqueueMany(manager: EntityManager, messages: NewMessage[]): Promise<number> {
    if (messages.length === 0) return 0;
    const rows = messages.map((message) => ({
      recipient: message.recipient,
      template: message.template,
      locale: message.locale,
      subject: message.subject,
      body_html: message.html,
      body_text: message.text,
      attachments: message.attachments ?? [],
      related_entity: message.relatedEntity ?? null,
      related_id: message.relatedId ?? null,
      related_at: message.relatedAt ?? null,
      scheduled: message.scheduled ?? false,
      dedupe_key: message.dedupeKey,
      message_id: this.newMessageId(),
    }));
    const inserted = await manager.query(
      `INSERT INTO outbox_messages (recipient, template, locale, subject, body_html, body_text, attachments,
                                    related_entity, related_id, related_at, scheduled, dedupe_key, message_id)
       SELECT recipient, template, locale, subject, body_html, body_text, attachments,
              related_entity, related_id, related_at, scheduled, dedupe_key, message_id
         FROM jsonb_to_recordset($1::jsonb) AS m(recipient text, template text, locale text, subject text,
              body_html text, body_text text, attachments jsonb, related_entity text, related_id uuid,
              related_at timestamptz, scheduled boolean, dedupe_key text, message_id text)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [JSON.stringify(rows)],
    );
    return inserted.length;
  }

  async list(query: OutboxQueryDto): Promise<OutboxPageDto> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.status) add('status = ?', query.status);
    if (query.template) add('template = ?', query.template);
    if (query.recipient) add(`recipient ILIKE '%' || ? || '%'`, query.recipient.replace(/[%_\\]/g, '\\$&'));
    if (query.q) {
      params.push(query.q.replace(/[%_\\]/g, '\\$&'));
      where.push(
        `(recipient ILIKE '%' || $${params.length} || '%' OR subject ILIKE '%' || $${params.length} || '%')`,
      );
    }
    if (query.relatedId) add('related_id = ?', query.relatedId);
    if (query.from) add('created_at >= ?', query.from);
    if (query.to) add('created_at < ?', query.to);
    const sort = query.sort ?? '-createdAt';
    const sortable: Record<string, string> = { createdAt: 'created_at', nextAttemptAt: 'next_attempt_at' };
    const column = sortable[sort.replace(/^-/, '')];
    if (!column) {
      throw new ProblemException({
        status: 400,
        slug: 'validation',
        title: 'Bad Request',
        detail: 'sort must be one of: createdAt, nextAttemptAt (prefix - for descending).',
        errors: [{ field: 'sort', code: 'isIn', message: 'sort must be one of createdAt, nextAttemptAt' }],
      });
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, [{ total }], counts] = await Promise.all([
      this.dataSource.query(
        `SELECT ${LIST_COLUMNS} FROM outbox_messages ${filter}
          ORDER BY ${column} ${sort.startsWith('-') ? 'DESC' : 'ASC'}, id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        params,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM outbox_messages ${filter}`, params),
      this.dataSource.query(`SELECT status, count(*)::int AS count FROM outbox_messages GROUP BY status`),
    ]);
    const byStatus = Object.fromEntries(Object.values(OutboxStatus).map((status) => [status, 0])) as Record<
      OutboxStatus,
      number
    >;
    for (const row of counts as { status: OutboxStatus; count: number }[]) byStatus[row.status] = row.count;
    return { items: rows.map(toDto), total, page, pageSize, counts: byStatus };
  }

  /** One message as listed (without its bodies). */
  async summary(id: string): Promise<OutboxMessageDto> {
    const [row] = await this.dataSource.query(`SELECT ${LIST_COLUMNS} FROM outbox_messages WHERE id = $1`, [
      id,
    ]);
    if (!row) throw notFound('Message');
    return toDto(row);
  }

  async get(id: string): Promise<OutboxMessageDetailDto> {
    const [row] = await this.dataSource.query(`SELECT * FROM outbox_messages WHERE id = $1`, [id]);
    if (!row) throw notFound('Message');
    return { ...toDto(row), bodyHtml: row.body_html, bodyText: row.body_text };
  }

  /** One attachment of a message as it was sent (`index` counts from 0 in `attachments`). */
  async attachment(
    id: string,
    index: number,
  ): Promise<{ filename: string; contentType: string; content: Buffer }> {
    const [row] = await this.dataSource.query(
      `SELECT attachments -> $2::int AS attachment FROM outbox_messages WHERE id = $1`,
      [id, index],
    );
    if (!row) throw notFound('Message');
    // A negative index would count from the end in PostgreSQL.
    const attachment =
      index >= 0
        ? (row.attachment as { filename: string; contentType: string; content: string } | null)
        : null;
    if (!attachment) throw notFound('Attachment');
    return {
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: Buffer.from(attachment.content),
    };
  }

  /**
   * Sends a message again: a failed or cancelled one goes back to the queue as it is; a sent one
   * is queued as a new copy (its own Message-ID), so the history of the first stays.
   */
  async resend(id: string, context: RequestContext): Promise<OutboxMessageDto> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(`SELECT * FROM outbox_messages WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw notFound('Message');
      let resultId = id;
      if (row.status === OutboxStatus.Failed || row.status === OutboxStatus.Cancelled) {
        await manager.query(
          `UPDATE outbox_messages SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL,
                  updated_at = now() WHERE id = $1`,
          [id],
        );
      } else if (row.status === OutboxStatus.Sent) {
        resultId = randomUUID();
        await manager.query(
          `INSERT INTO outbox_messages (id, recipient, template, locale, subject, body_html, body_text, attachments,
                                        related_entity, related_id, related_at, dedupe_key, message_id)
           SELECT $2::uuid, recipient, template, locale, subject, body_html, body_text, attachments, related_entity, related_id,
                  related_at, dedupe_key || ':resend:' || $2::text, $3
             FROM outbox_messages WHERE id = $1`,
          [id, resultId, this.newMessageId()],
        );
      } else {
        throw conflict('message-state', `A ${row.status} message is on its way already.`);
      }
      await this.audit.record(manager, context, {
        action: AuditAction.Update,
        entity: 'outbox_message',
        entityId: id,
        changes: { status: { before: row.status, after: 'pending' } },
      });
      const [result] = await manager.query(`SELECT ${LIST_COLUMNS} FROM outbox_messages WHERE id = $1`, [
        resultId,
      ]);
      return toDto(result);
    });
  }

  /** Stops a message that has not gone out (pending or failed). */
  async cancel(id: string, context: RequestContext): Promise<OutboxMessageDto> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(`SELECT status FROM outbox_messages WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw notFound('Message');
      if (row.status !== OutboxStatus.Pending && row.status !== OutboxStatus.Failed) {
        throw conflict('message-state', `A ${row.status} message cannot be cancelled.`);
      }
      const [[updated]] = await manager.query(
        `UPDATE outbox_messages SET status = 'cancelled', updated_at = now() WHERE id = $1 RETURNING ${LIST_COLUMNS}`,
        [id],
      );
      await this.audit.record(manager, context, {
        action: AuditAction.Update,
        entity: 'outbox_message',
        entityId: id,
        changes: { status: { before: row.status, after: 'cancelled' } },
      });
      return toDto(updated);
    });
  }

  /** A fresh `Message-ID` in the sender's domain. */
  private newMessageId(): string {
    const domain = /@([^>\s]+)>?\s*$/.exec(this.env.MAIL_FROM)?.[1] ?? 'consultorio.local';
    return `<${randomUUID()}@${domain}>`;
  }
}
