import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  type ContextOptions,
  DESKTOP,
  PHONE,
  launchBrowser,
  login,
  newContext,
  screenshot,
} from './support/browser';

const VARIANTS: (ContextOptions & { name: string })[] = [
  { name: 'desktop-light', viewport: DESKTOP, colorScheme: 'light' },
  { name: 'desktop-dark', viewport: DESKTOP, colorScheme: 'dark' },
  { name: 'phone-light', viewport: PHONE, colorScheme: 'light' },
  { name: 'phone-dark', viewport: PHONE, colorScheme: 'dark' },
];

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
}

/** Pictures of the doctors, schedule and holiday pages in both themes, on a desktop and a phone. */
describe('doctors and schedules screenshots', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const variant of VARIANTS) {
    it(`captures the doctors pages (${variant.name})`, async () => {
      const context = await newContext(browser, variant);
      const page = await context.newPage();
      await login(page, 'admin');

      await page.goto('/doctors');
      await page.getByTestId('doctor-row').first().waitFor();
      await settle(page);
      await screenshot(page, `${variant.name}-30-doctors`);

      await page.getByTestId('doctor-row').first().click();
      await page.getByTestId('doctor-profile').waitFor();
      await settle(page);
      await screenshot(page, `${variant.name}-31-doctor`);

      await page.getByTestId('edit-doctor').click();
      await page.getByTestId('doctor-dialog').waitFor();
      await settle(page);
      await screenshot(page, `${variant.name}-32-doctor-dialog`);
      await page.keyboard.press('Escape');
      await page.getByTestId('doctor-dialog').waitFor({ state: 'detached' });

      await page.getByRole('tab', { name: 'Horario semanal' }).click();
      const saturday = page.getByTestId('day-6');
      await saturday.getByTestId('add-range').click();
      // An afternoon range that overlaps the morning one, to show the message on the form.
      await saturday.getByTestId('range-start').last().fill('12:00');
      await saturday.getByTestId('range-end').last().fill('16:00');
      await saturday.getByTestId('range-end').last().blur();
      await settle(page);
      await screenshot(page, `${variant.name}-33-weekly-hours`);
      await page.getByTestId('discard-hours').click();

      await page.getByRole('tab', { name: 'Excepciones' }).click();
      await page.getByTestId('add-block').click();
      await page.getByTestId('block-dialog').waitFor();
      await settle(page);
      await screenshot(page, `${variant.name}-34-block-dialog`);
      await page.keyboard.press('Escape');
      await page.getByTestId('block-dialog').waitFor({ state: 'detached' });
      await settle(page);
      await screenshot(page, `${variant.name}-35-exceptions`);

      await page.goto('/doctors/holidays');
      await page.getByTestId('holiday-row').first().waitFor();
      await settle(page);
      await screenshot(page, `${variant.name}-36-holidays`);
      await context.close();
    });
  }
});
