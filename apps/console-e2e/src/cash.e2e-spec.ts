import Big from 'big.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot, settle } from './support/browser';
import { apiCall } from './support/outbox';

interface MethodTotals {
  method: string;
  income: string;
  expense: string;
  net: string;
}

interface Preview {
  businessDate: string;
  expected: MethodTotals[];
  close: unknown;
}

const MIRAFLORES = 'Sede Miraflores';
const SURCO = 'Sede Surco';

/** `S/ 1,234.50` as the console writes soles in `es-PE` (no-break space after the sign). */
function soles(amount: Big.BigSource): string {
  const value = new Big(amount);
  const [whole, cents] = value.abs().toFixed(2).split('.');
  return `${value.lt(0) ? '-' : ''}S/\u00a0${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

async function locationId(page: Page, name: string): Promise<string> {
  const locations = (await apiCall(page, 'get', '/locations?pageSize=100')).items as {
    id: string;
    name: string;
  }[];
  return locations.find((location) => location.name === name)!.id;
}

/** Opens the day view and waits for its totals. */
async function openDay(page: Page): Promise<void> {
  await page.goto('/cash');
  await page.getByTestId('totals-overall').waitFor();
  await page.getByTestId('entries-table').waitFor();
}

async function chooseLocation(page: Page, name: string): Promise<void> {
  await page.getByTestId('day-location').click();
  await page.getByRole('option', { name }).click();
  await page.waitForLoadState('networkidle');
}

/** Records an entry through the dialog; `submit: false` leaves it filled and open. */
async function fillEntry(
  page: Page,
  entry: { type: 'income' | 'expense'; concept: string; amount: string; method: string },
  submit = true,
): Promise<void> {
  await page.getByTestId('new-entry').click();
  const dialog = page.getByTestId('entry-dialog');
  await dialog.waitFor();
  await dialog.getByTestId(`entry-type-${entry.type}`).click();
  await dialog.getByTestId('entry-concept').fill(entry.concept);
  await dialog.getByTestId('entry-amount').fill(entry.amount);
  await dialog.getByTestId('entry-method').click();
  await page.getByTestId(`method-${entry.method}`).click();
  if (!submit) return;
  await dialog.getByTestId('save-entry').click();
  await dialog.waitFor({ state: 'detached' });
}

describe('cash register', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets the front desk record an income and an expense, see the totals, close with a difference and find the day locked', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'receptionist');
    await openDay(page);
    // The front desk works today only: no date to choose.
    expect(await page.getByTestId('day-date').count()).toBe(0);
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    expect(await page.getByTestId('day-location').innerText()).toContain(MIRAFLORES);

    const stamp = Date.now().toString(36);
    await fillEntry(page, {
      type: 'income',
      concept: `Venta de cepillos ${stamp}`,
      amount: '150.10',
      method: 'cash',
    });
    await page.getByText(`Se registró «Venta de cepillos ${stamp}».`).waitFor();
    await fillEntry(page, {
      type: 'expense',
      concept: `Compra de guantes ${stamp}`,
      amount: '20',
      method: 'cash',
    });
    await page
      .getByTestId('entry-row')
      .filter({ hasText: `Compra de guantes ${stamp}` })
      .waitFor();

    // The totals per method are the API's, as the console writes them.
    const location = await locationId(page, MIRAFLORES);
    const report = await apiCall(page, 'get', `/transactions/daily-report?locationId=${location}`);
    const me = (await apiCall(page, 'get', '/auth/profile')) as { id: string };
    const drawer = await apiCall(
      page,
      'get',
      `/transactions/daily-report?locationId=${location}&cashierId=${me.id}`,
    );
    const cash = (drawer.byMethod as MethodTotals[]).find((totals) => totals.method === 'cash')!;
    expect(new Big(cash.income).gte('150.10')).toBe(true);
    await expect.poll(() => page.getByTestId('totals-cash').innerText()).toContain(soles(cash.net));
    expect(await page.getByTestId('totals-cash').innerText()).toContain(soles(cash.income));
    expect(await page.getByTestId('totals-cash').innerText()).toContain(soles(cash.expense));
    expect(await page.getByTestId('overall-net').innerText()).toBe(soles(drawer.net));
    expect(report.date).toBe(drawer.date);
    const rows = page.getByTestId('entry-row');
    expect(await rows.filter({ hasText: `Compra de guantes ${stamp}` }).innerText()).toContain(
      `−${soles('20')}`,
    );
    await settle(page);
    await screenshot(page, 'cash-desktop-light-01-day');

    // A second tab, opened before the close, still has a new entry waiting in its dialog.
    const late = await context.newPage();
    await openDay(late);
    await fillEntry(
      late,
      { type: 'income', concept: `Cobro tardío ${stamp}`, amount: '30', method: 'cash' },
      false,
    );

    // Count everything as expected except 10 céntimos short in cash.
    await page.getByTestId('close-drawer').click();
    const dialog = page.getByTestId('close-dialog');
    await dialog.getByTestId('counted-input').first().waitFor();
    const preview = (await apiCall(page, 'get', `/cash-closes/preview?locationId=${location}`)) as Preview;
    for (const totals of preview.expected) {
      const counted = totals.method === 'cash' ? new Big(totals.net).minus('0.10') : new Big(totals.net);
      await dialog
        .getByTestId(`count-${totals.method}`)
        .getByTestId('counted-input')
        .fill(counted.toFixed(2));
    }
    const cashRow = dialog.getByTestId('count-cash');
    expect(await cashRow.getByTestId('difference').innerText()).toContain(soles('-0.10'));
    expect(await cashRow.getByTestId('difference').innerText()).toContain('Faltante');
    expect(await dialog.getByTestId('difference-total').innerText()).toContain(soles('-0.10'));
    expect(await dialog.getByTestId('difference-total').innerText()).toContain('Faltante');
    await dialog.getByTestId('close-notes').fill('Faltan 10 céntimos de sencillo.');
    await screenshot(page, 'cash-desktop-light-02-close-dialog');
    await dialog.getByTestId('confirm-close').click();
    await dialog.waitFor({ state: 'detached' });

    // The day shows closed, with its difference, and offers no second close.
    const banner = page.getByTestId('closed-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(`Caja cerrada: Rocío Recepción, ${MIRAFLORES}`);
    expect(await page.getByTestId('closed-difference').innerText()).toContain(soles('-0.10'));
    expect(await page.getByTestId('closed-difference').innerText()).toContain('Faltante');
    expect(await page.getByTestId('close-drawer').count()).toBe(0);
    // Its entries can no longer be voided.
    expect(
      await rows
        .filter({ hasText: `Compra de guantes ${stamp}` })
        .getByTestId('entry-actions')
        .count(),
    ).toBe(0);
    await settle(page);
    await screenshot(page, 'cash-desktop-light-03-closed');

    // The entry waiting in the other tab is refused, and the console says why.
    await late.getByTestId('save-entry').click();
    await expect
      .poll(() => late.getByTestId('entry-failure').innerText())
      .toContain('La caja de este día ya está cerrada');
    await late.close();

    // The close is in the list of closes.
    await page.getByTestId('cash-tab-closes').click();
    await page.getByTestId('closes-table').waitFor();
    const close = page.getByTestId('close-row').filter({ hasText: MIRAFLORES });
    await close.first().waitFor();
    expect(await close.first().getByTestId('close-difference').innerText()).toContain('Faltante');
    await context.close();
  });

  it('shows an admin the monthly report with its chart, per day, per method and per doctor', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin');
    await page.goto('/cash/monthly');
    const chart = page.getByTestId('bar-chart');
    await chart.waitFor();
    const month = (await apiCall(page, 'get', '/transactions/monthly-report')) as {
      days: unknown[];
      net: string;
      income: string;
    };
    expect(await page.getByTestId('bar-pair').count()).toBe(month.days.length);
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toContain(`ingresos ${soles(month.income)}`);
    expect(await page.getByTestId('chart-table').locator('tbody tr').count()).toBe(month.days.length);
    expect(await page.getByTestId('monthly-net').innerText()).toBe(soles(month.net));
    expect(await page.getByTestId('production-row').count()).toBeGreaterThan(0);
    await settle(page);
    await screenshot(page, 'cash-desktop-light-04-monthly');
    await context.close();
  });

  it('takes a doctor to their own production', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'doctor');
    await page.getByTestId('nav-/cash/production').click();
    await page.getByTestId('production-table').waitFor();
    expect(await page.locator('h1').innerText()).toBe('Mi producción');
    expect(await page.getByTestId('production-doctor').count()).toBe(0);
    expect(await page.getByTestId('production-row').count()).toBeLessThanOrEqual(1);
    await page.goto('/cash');
    await page.waitForURL(/\/cash\/production$/);
    await context.close();
  });

  for (const variant of [
    { name: 'desktop-dark', viewport: DESKTOP, colorScheme: 'dark' as const },
    { name: 'phone-light', viewport: PHONE, colorScheme: 'light' as const },
  ]) {
    it(`looks right in the other theme and on a phone (${variant.name})`, async () => {
      const context = await newContext(browser, variant);
      const page = await context.newPage();
      await login(page, 'receptionist');
      await openDay(page);
      // Surco's drawer stays open: its close dialog is only looked at.
      await chooseLocation(page, SURCO);
      await settle(page);
      await screenshot(page, `cash-${variant.name}-01-day`);
      await page.getByTestId('close-drawer').click();
      const dialog = page.getByTestId('close-dialog');
      await dialog.getByTestId('counted-input').first().waitFor();
      await dialog.getByTestId('count-cash').getByTestId('counted-input').fill('1');
      await screenshot(page, `cash-${variant.name}-02-close-dialog`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      await context.close();

      const adminContext = await newContext(browser, variant);
      const admin = await adminContext.newPage();
      await login(admin, 'admin');
      await admin.goto('/cash/monthly');
      await admin.getByTestId('bar-chart').waitFor();
      await settle(admin);
      await screenshot(admin, `cash-${variant.name}-03-monthly`);
      await adminContext.close();
    });
  }
});
