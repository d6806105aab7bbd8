import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { SCREENSHOT_VARIANTS, launchBrowser, login, newContext, screenshot, settle } from './support/browser';
import { laterDayWithSlots } from './support/agenda';

/** The next Monday-to-Friday date after today in Lima, `YYYY-MM-DD`: a day the demo doctors work. */
function nextWorkday(): string {
  const day = new Date();
  do day.setUTCDate(day.getUTCDate() + 1);
  while ([0, 6].includes(new Date(day.toLocaleString('en-US', { timeZone: 'America/Lima' })).getDay()));
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Lima' }).format(day);
}

/** Picks a view of the agenda: toggle buttons on larger screens, a select on phones. */
async function showView(page: Page, phone: boolean, label: string, testId: string): Promise<void> {
  if (phone) {
    await page.getByTestId('view-select').click();
    await page.getByRole('option', { name: label }).click();
  } else {
    await page.getByTestId(testId).click();
  }
}

/** Pictures of the agenda and patient pages in both themes, on a desktop and a phone. */
describe('agenda and patients screenshots', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const variant of SCREENSHOT_VARIANTS) {
    it(`captures the agenda and patients (${variant.name})`, async () => {
      const context = await newContext(browser, variant);
      const page = await context.newPage();
      const phone = (variant.viewport?.width ?? 0) < 600;
      await login(page, 'receptionist');

      await page.goto(`/agenda?date=${nextWorkday()}`);
      await page.getByRole('region').first().waitFor();
      await showView(page, phone, phone ? 'Día' : 'Semana', phone ? 'view-day' : 'view-week');
      await settle(page);
      await screenshot(page, `${variant.name}-20-agenda`);

      await showView(page, phone, 'Por médico', 'view-doctors');
      await settle(page);
      await screenshot(page, `${variant.name}-21-agenda-doctors`);

      await page.getByTestId('new-appointment').click();
      const dialog = page.getByTestId('booking-dialog');
      await dialog.getByTestId('patient-search').pressSequentially('nunez', { delay: 30 });
      await page.getByTestId('patient-option').first().click();
      await dialog.getByTestId('booking-treatment').click();
      await page.getByRole('option', { name: 'Consulta de medicina general' }).click();
      await laterDayWithSlots(dialog);
      await screenshot(page, `${variant.name}-22-booking`);
      await dialog.getByTestId('slot').first().click();
      await dialog.getByTestId('book').click();
      await page.getByTestId('appointment-panel').waitFor();
      await settle(page);
      await screenshot(page, `${variant.name}-23-appointment-panel`);
      await page.getByTestId('close-panel').click();

      await page.goto('/agenda/today');
      await page.getByTestId('front-desk-expected').waitFor();
      await settle(page);
      await screenshot(page, `${variant.name}-24-front-desk`);

      await page.goto('/patients');
      await page.getByTestId('patient-row').first().waitFor();
      await settle(page);
      await screenshot(page, `${variant.name}-25-patients`);

      await page.getByTestId('patient-row').first().click();
      await page.getByTestId('patient-profile').waitFor();
      await settle(page);
      await screenshot(page, `${variant.name}-26-patient`);
      await context.close();
    });
  }
});
