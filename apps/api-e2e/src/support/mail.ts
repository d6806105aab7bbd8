import type { Http } from './http';

export interface OutboxMessage {
  id: string;
  template: string;
  status: string;
  recipient: string;
  subject: string;
  attempts: number;
  messageId: string;
  lastError: string | null;
  relatedId: string | null;
}

export interface CaughtMail {
  to: string[];
  subject: string;
  html: string;
  text: string;
  messageId: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The outbox messages about one record, oldest first (admin client). */
export async function messagesOf(
  admin: Http,
  relatedId: string,
  template?: string,
): Promise<OutboxMessage[]> {
  const filter = template ? `&template=${template}` : '';
  const page = await admin.get(`/api/v1/outbox?relatedId=${relatedId}${filter}&sort=createdAt&pageSize=100`);
  if (page.status !== 200) throw new Error(page.text);
  return page.body.items as OutboxMessage[];
}

/** Waits until `check` holds for the record's messages, and returns them. */
export async function waitForMessages(
  admin: Http,
  relatedId: string,
  check: (messages: OutboxMessage[]) => boolean,
  template?: string,
  timeout = 10_000,
): Promise<OutboxMessage[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const messages = await messagesOf(admin, relatedId, template);
    if (check(messages)) return messages;
    if (Date.now() > deadline) {
      throw new Error(`messages of ${relatedId} not as expected: ${JSON.stringify(messages, null, 1)}`);
    }
    await sleep(100);
  }
}

/** The mail the embedded catcher received for an outbox message. */
export async function caughtMail(admin: Http, messageId: string): Promise<CaughtMail[]> {
  return (await admin.get(`/api/v1/outbox/${messageId}/caught`)).body as CaughtMail[];
}

/** The text of the mail's `.ics` attachment. */
export function calendarOf(mail: CaughtMail): string {
  const file = mail.attachments.find((attachment) => attachment.filename.endsWith('.ics'));
  if (!file) throw new Error('no .ics attachment');
  return Buffer.from(file.content, 'base64').toString();
}

/** The confirm and cancel links in a mail's plain-text part. */
export function linksOf(mail: CaughtMail): { confirm: string; cancel: string } {
  const find = (action: string) => {
    const match = new RegExp(`https?://\\S+/api/v1/appointment-links/${action}\\?token=\\S+`).exec(mail.text);
    if (!match) throw new Error(`no ${action} link in: ${mail.text}`);
    return match[0];
  };
  return { confirm: find('confirm'), cancel: find('cancel') };
}
