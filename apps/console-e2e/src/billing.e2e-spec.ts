import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  launchBrowser,
  login,
  loginWith,
  newContext,
  newReceptionist,
  screenshot,
  settle,
} from './support/browser';
import { apiCall, bookNewPatient, type Booking } from './support/outbox';

const TIME_ZONE = 'America/Lima';

interface Appointment {
  id: string;
  start: string;
  doctorName: string;
  patientId: string;
  patientName: string;
}

interface Invoice {
  id: string;
  code: string | null;
  status: string;
  total: string;
  balance: string;
  paid: string;
  locationId: string;
  locationName: string;
  payments: { amount: string; method: string }[];
}

/** The appointment's start on the clinic's clock: `HH:mm` and `YYYY-MM-DD`. */
function clinicTime(iso: string): { time: string; date: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return {
    time: `${part('hour')}:${part('minute')}`,
    date: `${part('year')}-${part('month')}-${part('day')}`,
  };
}

/** One workflow step through the API, as the agenda's panel sends it. */
async function moveTo(page: Page, appointmentId: string, status: string): Promise<void> {
  const session = await page.evaluate(() => localStorage.getItem('consultorio.session'));
  const token = (JSON.parse(session ?? '{}') as { accessToken?: string }).accessToken;
  const answer = await page.request.patch(`/api/v1/appointments/${appointmentId}/status`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { status },
  });
  expect(answer.ok(), `${status}: ${answer.status()}`).toBe(true);
}

/** A booked appointment of a new patient, seen through: checked in and completed. */
async function completedVisit(page: Page, firstNames: string): Promise<Appointment> {
  const booking: Booking = await bookNewPatient(page, firstNames);
  await moveTo(page, booking.id, 'checked_in');
  await moveTo(page, booking.id, 'completed');
  return (await apiCall(page, 'get', `/appointments/${booking.id}`)) as Appointment;
}

/** Opens the appointment in the agenda's side panel (that doctor's day). */
async function openInAgenda(page: Page, appointment: Appointment): Promise<void> {
  const { date, time } = clinicTime(appointment.start);
  await page.goto(`/agenda?date=${date}`);
  await page.getByTestId('view-day').click();
  await page.getByTestId('filter-doctor').click();
  await page.getByRole('option', { name: appointment.doctorName }).click();
  const event = page.locator(`[title^="${time} · ${appointment.patientName}"]`);
  await event.waitFor();
  await event.click();
  await page.getByTestId('appointment-panel').waitFor();
}

/** Takes a payment through the dialog: `amount` typed, or the offered balance when `null`. */
async function takePayment(page: Page, amount: string | null, method: string, reference?: string) {
  await page.getByTestId('take-payment').click();
  const dialog = page.getByTestId('payment-dialog');
  await dialog.waitFor();
  if (amount !== null) await dialog.getByTestId('payment-amount').fill(amount);
  await dialog.getByTestId('payment-method').click();
  await page.getByRole('option', { name: method }).click();
  if (reference) await dialog.getByTestId('payment-reference').fill(reference);
  const [answer] = await Promise.all([
    page.waitForResponse(
      (response) => response.url().endsWith('/payments') && response.request().method() === 'POST',
    ),
    dialog.getByTestId('save-payment').click(),
  ]);
  expect(answer.status()).toBe(201);
  await dialog.waitFor({ state: 'detached' });
}

async function invoiceOf(page: Page, id: string): Promise<Invoice> {
  return (await apiCall(page, 'get', `/invoices/${id}`)) as Invoice;
}

describe('billing', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets a receptionist bill a completed visit, take two partial payments, download the PDF and close the day', async () => {
    const context = await newContext(browser, { viewport: DESKTOP });
    const page = await context.newPage();
    // A cashier of their own: closing this drawer for today must not lock other tests' payments.
    const cashier = await newReceptionist('Rosa');
    await loginWith(page, cashier.username, cashier.password);
    const visit = await completedVisit(page, 'Facunda');

    // "Facturar" in the agenda drafts the visit's treatment and opens the draft.
    await openInAgenda(page, visit);
    await page.getByTestId('appointment-panel').getByRole('link', { name: 'Facturar' }).click();
    const editor = page.getByTestId('invoice-editor');
    await editor.waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/billing\/[\w-]+\/edit$/);
    const draftId = new URL(page.url()).pathname.split('/')[2];
    expect(await page.getByTestId('patient-search').inputValue()).toBe(visit.patientName);
    expect(await page.getByTestId('line').count()).toBe(1);
    expect(await page.getByTestId('line-kind').innerText()).toContain('Tratamiento del catálogo');
    const draft = await invoiceOf(page, draftId);
    expect(draft.status).toBe('draft');
    const total = await page.getByTestId('total-total').innerText();
    expect(total.replace(/\s/g, ' ')).toContain(draft.total);
    await settle(page);
    await screenshot(page, 'billing-desktop-light-02-editor');

    // Save and issue: it gets its number.
    await page.getByTestId('save-issue').click();
    await page.getByTestId('invoice-detail').waitFor();
    await expect
      .poll(() => page.getByTestId('invoice-title').innerText())
      .toMatch(/^Factura [A-Z0-9]+-\d{8}$/);
    let invoice = await invoiceOf(page, draftId);
    expect(invoice.status).toBe('issued');
    expect(await page.getByTestId('invoice-detail').locator('[data-status="issued"]').count()).toBe(1);
    // A receptionist does not void invoices.
    expect(await page.getByTestId('void-invoice').count()).toBe(0);

    // A first payment of part of it, by card with its voucher.
    // A round part of it (the demo visit costs S/ 80.00).
    const first = '30';
    await takePayment(page, first, 'Tarjeta', 'VOUCHER-1234');
    await expect
      .poll(() => page.getByTestId('invoice-detail').locator('[data-status="partially_paid"]').count())
      .toBe(1);
    invoice = await invoiceOf(page, draftId);
    expect(invoice.status).toBe('partially_paid');
    expect(await page.getByTestId('payment-row').count()).toBe(1);

    // Overpaying is refused as it is typed; the balance is offered and settles it.
    await page.getByTestId('take-payment').click();
    const dialog = page.getByTestId('payment-dialog');
    expect(await dialog.getByTestId('payment-amount').inputValue()).toBe(invoice.balance);
    await dialog.getByTestId('payment-amount').fill(`${invoice.total}`);
    await dialog.getByTestId('amount-error').waitFor();
    expect(await dialog.getByTestId('amount-error').innerText()).toContain(
      'No puede superar el saldo pendiente',
    );
    expect(await dialog.getByTestId('save-payment').isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await takePayment(page, null, 'Yape / Plin', 'OP-998877');
    await expect
      .poll(() => page.getByTestId('invoice-detail').locator('[data-status="paid"]').count())
      .toBe(1);
    invoice = await invoiceOf(page, draftId);
    expect(invoice).toMatchObject({ status: 'paid', paid: invoice.total });
    expect(await page.getByTestId('payment-row').count()).toBe(2);
    expect(await page.getByTestId('take-payment').count()).toBe(0);
    await settle(page);
    await screenshot(page, 'billing-desktop-light-03-detail');
    await page.getByTestId('payments').scrollIntoViewIfNeeded();
    await screenshot(page, 'billing-desktop-light-03-detail-payments');

    // The PDF comes through the session and carries the code and the total.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${invoice.code}.pdf`);
    const file = (await download.path())!;
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(invoice.code!);
    expect(text).toContain(visit.patientName);
    // The total as printed, in the clinic's currency and locale (the demo clinic bills soles, es-PE).
    const printed = new Intl.NumberFormat('es-PE', { style: 'currency', currency: 'PEN' }).format(
      invoice.total as `${number}`,
    );
    const spaced = (value: string) => value.replace(/[\s\u00a0]+/g, ' ');
    expect(spaced(text)).toContain(spaced(printed));

    // The list finds it by its number, paid.
    await page.goto('/billing');
    await page.getByTestId('invoices-table').waitFor();
    await page.getByTestId('invoice-search').fill(invoice.code!);
    const row = page.getByTestId('invoice-row').filter({ hasText: invoice.code! });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('[data-status="paid"]').count()).toBe(1);
    await page.getByTestId('invoice-search').fill('');
    await page.waitForLoadState('networkidle');
    await settle(page);
    await screenshot(page, 'billing-desktop-light-01-list');

    // The patient's record shows the account: billed, paid, nothing owed.
    await page.goto(`/patients/${visit.patientId}`);
    await page.getByRole('tab', { name: 'Facturación' }).click();
    await page.getByTestId('patient-balance').getByTestId('balance-owed').waitFor();
    await expect.poll(() => page.getByTestId('patient-invoice-row').count()).toBe(1);
    expect(await page.getByTestId('balance-owed').innerText()).toMatch(/0\.00/);
    await screenshot(page, 'billing-desktop-light-04-patient');

    // Billing a visit twice opens the invoice it already has.
    await openInAgenda(page, visit);
    await page.getByTestId('appointment-panel').getByRole('link', { name: 'Facturar' }).click();
    await page.getByTestId('invoice-detail').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/billing/${draftId}`);

    // The day's close: both payments are expected in this cashier's drawer, by method; once
    // counted and closed, the drawer-day takes nothing more.
    invoice = await invoiceOf(page, draftId);
    const [card, wallet] = invoice.payments;
    await page.goto('/cash');
    await page.getByTestId('day-location').click();
    await page.getByRole('option', { name: invoice.locationName }).click();
    await expect.poll(() => page.getByTestId('entry-row').count()).toBe(2);
    await page.getByTestId('close-drawer').click();
    const closing = page.getByTestId('close-dialog');
    await closing.getByTestId('count-card').waitFor();
    expect(await closing.getByTestId('count-card').getByTestId('expected').innerText()).toContain(
      card.amount,
    );
    expect(await closing.getByTestId('count-yape_plin').getByTestId('expected').innerText()).toContain(
      wallet.amount,
    );
    const counted: Record<string, string> = { card: card.amount, yape_plin: wallet.amount };
    for (const method of ['cash', 'card', 'transfer', 'yape_plin', 'insurer']) {
      await closing
        .getByTestId(`count-${method}`)
        .getByTestId('counted-input')
        .fill(counted[method] ?? '0');
    }
    await expect
      .poll(() => closing.getByTestId('difference-total').getAttribute('data-balance'))
      .toBe('even');
    const [closed] = await Promise.all([
      page.waitForResponse(
        (response) => response.url().endsWith('/cash-closes') && response.request().method() === 'POST',
      ),
      closing.getByTestId('confirm-close').click(),
    ]);
    expect(closed.status()).toBe(201);
    await page.getByTestId('closed-banner').waitFor();
    expect(await page.getByTestId('close-drawer').count()).toBe(0);
    const session = await page.evaluate(() => localStorage.getItem('consultorio.session'));
    const token = (JSON.parse(session ?? '{}') as { accessToken?: string }).accessToken;
    const refused = await page.request.post('/api/v1/transactions', {
      headers: { Authorization: `Bearer ${token}` },
      data: {
        type: 'expense',
        concept: 'Taxi',
        amount: '10',
        method: 'cash',
        locationId: invoice.locationId,
      },
    });
    expect(refused.status()).toBe(422);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/closed/i);
    await context.close();
  });

  for (const variant of [
    { name: 'desktop-dark', viewport: DESKTOP, colorScheme: 'dark' as const },
    { name: 'phone-light', viewport: PHONE, colorScheme: 'light' as const },
  ]) {
    it(`captures the list, a new invoice and an invoice (${variant.name})`, async () => {
      const context = await newContext(browser, variant);
      const page = await context.newPage();
      await login(page, 'admin');
      await page.goto('/billing');
      await page.getByTestId('invoices-table').waitFor();
      await settle(page);
      await screenshot(page, `billing-${variant.name}-01-list`);

      await page.getByTestId('invoice-row').first().click();
      await page.getByTestId('invoice-detail').waitFor();
      await settle(page);
      await screenshot(page, `billing-${variant.name}-03-detail`);

      await page.goto('/billing/new');
      await page.getByTestId('invoice-editor').waitFor();
      await page.getByTestId('line-description').fill('Limpieza');
      await page.getByTestId('line-price').fill('150.555');
      await page.getByTestId('line-quantity').click();
      await settle(page);
      await screenshot(page, `billing-${variant.name}-02-editor`);
      await context.close();
    });
  }
});
