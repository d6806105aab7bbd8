import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { AppEnvironment } from '@consultorio/api/core';
import { MailCatcher } from './mail-catcher.service';

/** One e-mail as the outbox hands it over. */
export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The stable `Message-ID`, `<…@…>`: a retry is recognisably the same message. */
  messageId: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

/**
 * Sends e-mail with nodemailer over SMTP: to `SMTP_URL`, or to the embedded mail catcher when it
 * is unset. Connections are pooled, so a batch of messages reuses a few SMTP sessions.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private transporter?: Promise<Transporter>;

  constructor(
    private readonly env: AppEnvironment,
    private readonly catcher: MailCatcher,
  ) {}

  /**
   * Sends one message; resolves with the server's answer (its queue id when it gives one). The
   * message is composed into one buffer first and handed over raw: streamed part by part, each
   * encoded line became a socket write of its own, which cost more than everything else together.
   */
  async send(mail: OutgoingMail): Promise<{ response: string }> {
    const transporter = await this.connect();
    const raw = await new MailComposer({
      from: this.env.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId: mail.messageId,
      // Clinic mail is mostly Latin text: quoted-printable always, without counting characters first.
      textEncoding: 'quoted-printable',
      attachments: mail.attachments.map((attachment) => ({
        filename: attachment.filename,
        contentType: attachment.contentType,
        content: attachment.content,
      })),
    })
      .compile()
      .build();
    const info = await transporter.sendMail({ envelope: { from: this.sender, to: [mail.to] }, raw });
    return { response: String(info.response ?? '') };
  }

  /** The envelope sender: the address of MAIL_FROM ("Clínica <citas@…>" or a bare address). */
  private get sender(): string {
    return /<([^>]+)>/.exec(this.env.MAIL_FROM)?.[1] ?? this.env.MAIL_FROM;
  }

  private connect(): Promise<Transporter> {
    this.transporter ??= (async () => {
      const common = {
        pool: true,
        maxConnections: 8,
        maxMessages: Infinity,
        connectionTimeout: 10_000,
        socketTimeout: 30_000,
      };
      if (this.env.SMTP_URL) return createTransport({ ...common, url: this.env.SMTP_URL });
      const port = await this.catcher.start();
      return createTransport({ ...common, host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    })();
    return this.transporter;
  }

  async onModuleDestroy(): Promise<void> {
    const transporter = await this.transporter?.catch(() => undefined);
    transporter?.close();
  }
}
