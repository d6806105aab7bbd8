import type { AddressInfo } from 'node:net';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { AppEnvironment } from '@consultorio/api/core';
import type { CaughtMailDto } from '@consultorio/shared/contracts';

/** Largest message the catcher accepts (the outbox never writes bigger ones). */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

const CAUGHT_COLUMNS = [
  'message_id',
  'envelope_from',
  'envelope_to',
  'subject',
  'html',
  'text',
  'attachments',
  'size',
] as const;
/** What the console shows is the message as sent: no HTML made from the text, no links detected. */
const PARSE_OPTIONS = {
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  skipHtmlToText: true,
};
/** Messages written by one INSERT at most. */
const FLUSH_MAX = 100;
type CaughtRow = unknown[];

const addresses = (value: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((item) =>
    item.value.map((entry) => entry.address ?? '').filter(Boolean),
  );

/**
 * The embedded mail catcher: when no `SMTP_URL` is configured, a real SMTP server on a loopback
 * port receives everything the API sends, so the whole delivery path runs and nothing leaves the
 * machine. Each message is parsed and kept in `caught_mail` for the console to show.
 */
@Injectable()
export class MailCatcher implements OnModuleDestroy {
  private readonly logger = new Logger(MailCatcher.name);
  private server?: SMTPServer;
  private port?: number;
  /** Whether an INSERT of caught mail is under way or scheduled. */
  private flushing = false;
  private readonly queue: { values: CaughtRow; resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(
    private readonly env: AppEnvironment,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Whether mail is caught here rather than sent through `SMTP_URL`. */
  get enabled(): boolean {
    return !this.env.SMTP_URL;
  }

  /** Starts the server (once) and resolves with its port. */
  async start(): Promise<number> {
    if (this.port !== undefined) return this.port;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      size: MAX_MESSAGE_BYTES,
      banner: 'Consultorio mail catcher',
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream, PARSE_OPTIONS)
          .then((mail) =>
            this.store([
              mail.messageId ?? null,
              session.envelope.mailFrom
                ? session.envelope.mailFrom.address
                : (addresses(mail.from)[0] ?? null),
              session.envelope.rcptTo.map((recipient) => recipient.address),
              mail.subject ?? null,
              typeof mail.html === 'string' ? mail.html : null,
              mail.text ?? null,
              JSON.stringify(
                mail.attachments.map((attachment) => ({
                  filename: attachment.filename ?? 'attachment',
                  contentType: attachment.contentType,
                  size: attachment.size,
                  content: attachment.content.toString('base64'),
                })),
              ),
              (stream as unknown as { byteLength?: number }).byteLength ?? 0,
            ]),
          )
          .then(() => callback(), callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.env.MAIL_CATCHER_PORT, '127.0.0.1', () => resolve());
    });
    server.on('error', (error) => this.logger.error(`Mail catcher: ${error.message}`));
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    this.logger.log(
      `Mail catcher listening on 127.0.0.1:${this.port} (no SMTP_URL: nothing leaves this machine)`,
    );
    return this.port;
  }

  /**
   * Keeps one parsed message; resolves once it is stored, so the SMTP answer means "kept". Messages
   * arriving together over several connections are written in one INSERT (group commit): a busy
   * dispatcher's mail costs one round trip per flush instead of one per message.
   */
  private store(values: CaughtRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ values, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    // One INSERT at a time: what arrives meanwhile goes into the next one.
    const batch = this.queue.splice(0, FLUSH_MAX);
    const rows = batch.map(
      (_, row) =>
        `(${CAUGHT_COLUMNS.map((__, column) => `$${row * CAUGHT_COLUMNS.length + column + 1}`).join(', ')})`,
    );
    try {
      await this.dataSource.query(
        `INSERT INTO caught_mail (${CAUGHT_COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`,
        batch.flatMap((entry) => entry.values),
      );
      for (const entry of batch) entry.resolve();
    } catch (error) {
      for (const entry of batch) entry.reject(error as Error);
    }
    if (this.queue.length > 0) setImmediate(() => void this.flush());
    else this.flushing = false;
  }

  /** The most recent caught messages, optionally those with one `Message-ID`. */
  async list(options: { messageId?: string; limit?: number } = {}): Promise<CaughtMailDto[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM caught_mail WHERE ($1::text IS NULL OR message_id = $1) ORDER BY id DESC LIMIT $2`,
      [options.messageId ?? null, Math.min(options.limit ?? 50, 200)],
    );
    return rows.map((row: Record<string, unknown>): CaughtMailDto => ({
      id: String(row['id']),
      messageId: (row['message_id'] as string | null) ?? null,
      from: (row['envelope_from'] as string | null) ?? null,
      to: row['envelope_to'] as string[],
      subject: (row['subject'] as string | null) ?? null,
      html: (row['html'] as string | null) ?? null,
      text: (row['text'] as string | null) ?? null,
      attachments: row['attachments'] as CaughtMailDto['attachments'],
      size: Number(row['size']),
      receivedAt: (row['received_at'] as Date).toISOString(),
    }));
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
