import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_VARIANTS, launchBrowser, login, newContext, screenshot } from './support/browser';
import { type Booking, bookNewPatient, waitForRow } from './support/outbox';

/** Pictures of the outbox and of a caught message, both themes, on a desktop and a phone. */
describe('outbox screenshots', () => {
  let browser: Browser;

  let booking: Booking;

  beforeAll(async () => {
    browser = await launchBrowser();
    const setup = await newContext(browser);
    const page = await setup.newPage();
    await login(page, 'admin');
    booking = await bookNewPatient(page, 'Lucía');
    await setup.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const variant of SCREENSHOT_VARIANTS) {
    it(`captures the outbox and a caught message (${variant.name})`, async () => {
      const context = await newContext(browser, variant);
      const page = await context.newPage();
      await login(page, 'admin');
      await page.goto('/outbox');
      await page.getByTestId('outbox-table').waitFor();
      await waitForRow(page, booking.email, 'sent');
      await page.getByTestId('outbox-search').fill('');
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => document.fonts.ready);
      await screenshot(page, `outbox-${variant.name}-01-list`);

      await waitForRow(page, booking.email, 'sent');
      await page.getByTestId('message-row').first().click();
      const mail = page.frameLocator('[data-testid="mail-frame"]').locator('body');
      await expect.poll(() => mail.innerText()).toContain(booking.patientName);
      await page.getByTestId('calendar-summary').waitFor();
      await screenshot(page, `outbox-${variant.name}-02-message`);
      await context.close();
    });
  }
});
