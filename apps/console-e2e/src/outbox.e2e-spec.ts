import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, login, newContext } from './support/browser';
import { apiCall, bookNewPatient, waitForRow } from './support/outbox';

const CLINIC = 'Clínica Dental y Médica Sonrisa (demo)';

interface Message {
  id: string;
  status: string;
  attempts: number;
  lastError: string | null;
  messageId: string;
}

/**
 * Leaves a sent message as the dispatcher leaves one the mail server refused: pending, with the
 * error, retried in an hour. The embedded catcher accepts every address, so this state is written
 * here rather than provoked.
 */
async function markRefused(appointmentId: string, error: string): Promise<void> {
  const client = new Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `UPDATE outbox_messages
          SET status = 'pending', attempts = 1, sent_at = NULL, provider_message_id = NULL, last_error = $2,
              next_attempt_at = now() + interval '1 hour', updated_at = now()
        WHERE related_id = $1 AND status = 'sent'`,
      [appointmentId, error],
    );
    expect(rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

describe('outbox', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets an admin find a booking confirmation as the mail catcher received it, download its calendar file and resend it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin');
    const booking = await bookNewPatient(page, 'Valeria');

    await page.getByTestId('nav-/outbox').click();
    await page.getByTestId('outbox-table').waitFor();
    await waitForRow(page, booking.email, 'sent');
    const rows = page.getByTestId('message-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Confirmación de cita');

    // The chips count the whole outbox, whatever the search.
    const [listed] = await Promise.all([
      page.waitForResponse((answer) => new URL(answer.url()).pathname === '/api/v1/outbox'),
      page.getByTestId('refresh-outbox').click(),
    ]);
    const counts = ((await listed.json()) as { counts: Record<string, number> }).counts;
    expect(counts['sent']).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.getByTestId('count-sent').innerText()).toBe(String(counts['sent']));
    expect(await page.getByTestId('status-all').innerText()).toContain(
      String(Object.values(counts).reduce((sum, count) => sum + count, 0)),
    );

    await rows.first().click();
    const dialog = page.getByTestId('message-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.getByTestId('message-source').innerText()).toContain('Así lo recibió');
    expect(await page.getByTestId('message-subject').innerText()).toContain(CLINIC);

    // The HTML as received, inside a frame that may run nothing and reach nothing of the console.
    const frame = dialog.getByTestId('mail-frame');
    expect(await frame.getAttribute('sandbox')).toBe('');
    const mail = page.frameLocator('[data-testid="mail-frame"]').locator('body');
    await expect.poll(() => mail.innerText()).toContain(booking.patientName);
    expect(await mail.innerText()).toContain(CLINIC);

    await dialog.getByRole('tab', { name: 'Texto sin formato' }).click();
    await expect.poll(() => dialog.getByTestId('mail-text').innerText()).toContain(booking.patientName);

    const attachment = dialog.getByTestId('attachment');
    expect(await attachment.innerText()).toContain('cita.ics');
    expect(await attachment.getByTestId('calendar-summary').innerText()).toContain(CLINIC);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      attachment.getByTestId('download-attachment').click(),
    ]);
    expect(download.suggestedFilename()).toBe('cita.ics');
    const calendar = readFileSync((await download.path())!, 'utf8');
    expect(calendar).toContain('BEGIN:VCALENDAR');
    expect(calendar).toContain(`UID:appointment-${booking.id}@consultorio`);

    // Resending a sent message queues a copy with its own Message-ID; the first stays as it was.
    await page.getByTestId('resend-message').click();
    await page.getByTestId('confirm').click();
    await page.getByText(`Se puso en cola una copia para ${booking.email}.`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    await waitForRow(page, booking.email, 'sent');
    const messages = (await apiCall(page, 'get', `/outbox?relatedId=${booking.id}&sort=createdAt`))
      .items as Message[];
    expect(messages.map((message) => message.status)).toEqual(['sent', 'sent']);
    expect(messages[1].messageId).not.toBe(messages[0].messageId);

    // The status chips filter the list.
    await page.getByTestId('status-failed').click();
    await expect.poll(() => page.getByTestId('list-empty').isVisible()).toBe(true);
    await page.getByTestId('status-sent').click();
    await expect.poll(() => rows.count()).toBe(2);
    await context.close();
  });

  it('shows a refused message with its error and next attempt, cancels it, then resends it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin');
    const booking = await bookNewPatient(page, 'Martina');
    await page.goto('/outbox');
    await page.getByTestId('outbox-table').waitFor();
    await waitForRow(page, booking.email, 'sent');
    const refusal = '550 5.1.1 Mailbox unavailable';
    await markRefused(booking.id, refusal);

    await waitForRow(page, booking.email, 'pending');
    const row = page.getByTestId('message-row').first();
    expect(await row.innerText()).toContain(refusal);
    expect(await row.innerText()).toContain('Próximo intento');

    await row.click();
    const dialog = page.getByTestId('message-dialog');
    await dialog.getByTestId('message-error').waitFor();
    expect(await dialog.getByTestId('message-error').innerText()).toContain(refusal);
    expect(await dialog.getByTestId('message-attempts').innerText()).toBe('1');

    // Cancelling asks first; dismissing the question changes nothing.
    await page.getByTestId('cancel-message').click();
    const question = page.locator('mat-dialog-container').filter({ has: page.getByTestId('confirm') });
    await question.getByRole('button', { name: 'Cancelar', exact: true }).click();
    await question.waitFor({ state: 'detached' });
    expect(await dialog.getByTestId('message-error').isVisible()).toBe(true);
    await page.getByTestId('cancel-message').click();
    await page.getByTestId('confirm').click();
    await page.getByText(`Se canceló el envío a ${booking.email}.`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.locator('[data-status="cancelled"]').count()).toBe(1);
    let [message] = (await apiCall(page, 'get', `/outbox?relatedId=${booking.id}`)).items as Message[];
    expect(message.status).toBe('cancelled');

    // A cancelled message offers resend only; it goes back to the queue as it was and is delivered.
    await row.click();
    await page.getByTestId('resend-message').waitFor();
    expect(await page.getByTestId('cancel-message').count()).toBe(0);
    await page.getByTestId('resend-message').click();
    await page.getByTestId('confirm').click();
    await page.getByText(`El mensaje a ${booking.email} volvió a la cola.`).waitFor();
    await waitForRow(page, booking.email, 'sent');
    expect(await page.getByTestId('message-row').count()).toBe(1);
    [message] = (await apiCall(page, 'get', `/outbox?relatedId=${booking.id}`)).items as Message[];
    expect(message).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    await context.close();
  });

  it('keeps the outbox from a receptionist: not in the navigation, and the forbidden page at its address', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'receptionist');
    expect(await page.getByTestId('nav-/outbox').count()).toBe(0);

    await page.goto('/outbox');
    await page.getByTestId('forbidden-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/outbox');
    expect(await page.getByTestId('outbox-table').count()).toBe(0);
    await context.close();
  });
});
