import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_VARIANTS, launchBrowser, login, newContext, screenshot, settle } from './support/browser';

/** `YYYY-MM-DD`, `days` from today. */
function inDays(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
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

  for (const variant of SCREENSHOT_VARIANTS) {
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
      await page.getByTestId('doctor-available').scrollIntoViewIfNeeded();
      await screenshot(page, `${variant.name}-32-doctor-dialog-end`);
      await page.keyboard.press('Escape');
      await page.getByTestId('doctor-dialog').waitFor({ state: 'detached' });

      await page.getByRole('tab', { name: 'Horario semanal' }).click();
      const saturday = page.getByTestId('day-6');
      await saturday.getByTestId('add-range').click();
      await expect.poll(() => saturday.getByTestId('range').count()).toBe(2);
      // An afternoon range that overlaps the morning one, to show the message on the form.
      await saturday.getByTestId('range-start').last().fill('12:00');
      await saturday.getByTestId('range-end').last().fill('16:00');
      await saturday.getByTestId('range-end').last().blur();
      await saturday.scrollIntoViewIfNeeded();
      await settle(page);
      await screenshot(page, `${variant.name}-33-weekly-hours`);
      await page.getByTestId('discard-hours').click();

      // A vacation and special hours, added through the dialogs, then removed again.
      await page.getByRole('tab', { name: 'Excepciones' }).click();
      await page.getByTestId('add-block').click();
      const block = page.getByTestId('block-dialog');
      await block.getByTestId('block-kind-vacation').click();
      await block.getByTestId('block-start-date').fill(inDays(20));
      await block.getByTestId('block-end-date').fill(inDays(27));
      await block.getByTestId('block-reason').fill('Congreso de ortodoncia en Santiago');
      await settle(page);
      await screenshot(page, `${variant.name}-34-block-dialog`);
      await block.getByTestId('save-block').click();
      await block.waitFor({ state: 'detached' });
      await page.getByTestId('add-special-hours').click();
      const special = page.getByTestId('special-hours-dialog');
      await special.getByTestId('special-date').fill(inDays(13));
      await special.getByTestId('special-start').fill('15:00');
      await special.getByTestId('special-end').fill('18:00');
      await special.getByTestId('save-special').click();
      await special.waitFor({ state: 'detached' });
      await page.getByTestId('block-entry').first().waitFor();
      await page.getByTestId('special-entry').first().waitFor();
      await settle(page);
      await screenshot(page, `${variant.name}-35-exceptions`);
      for (const [item, button] of [
        ['block-entry', 'remove-block'],
        ['special-entry', 'remove-special'],
      ]) {
        await page.getByTestId(item).first().getByTestId(button).click();
        await page.getByTestId('confirm').click();
        await expect.poll(() => page.getByTestId(item).count()).toBe(0);
      }

      await page.goto('/doctors/holidays');
      await page.getByTestId('holiday-row').first().waitFor();
      await settle(page);
      await screenshot(page, `${variant.name}-36-holidays`);
      await context.close();

      // What a receptionist sees of the same week: the hours, nothing to change.
      const readerContext = await newContext(browser, variant);
      const reader = await readerContext.newPage();
      await login(reader, 'receptionist');
      await reader.goto('/doctors');
      await reader.getByTestId('doctor-row').first().click();
      await reader.getByRole('tab', { name: 'Horario semanal' }).click();
      await reader.getByTestId('weekly-hours').waitFor();
      await settle(reader);
      await screenshot(reader, `${variant.name}-37-weekly-hours-read-only`);
      await readerContext.close();
    });
  }
});
