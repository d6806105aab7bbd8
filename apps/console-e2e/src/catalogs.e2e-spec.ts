import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newContext } from './support/browser';

/** Text as shown, with the no-break spaces of formatted amounts as plain spaces. */
async function shownText(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).innerText()).replace(/\s+/g, ' ');
}

async function createEntry(page: Page, fill: (dialog: ReturnType<Page['getByTestId']>) => Promise<void>) {
  await page.getByTestId('new-entry').click();
  const dialog = page.getByTestId('catalog-dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByTestId('save-entry').click();
  await dialog.waitFor({ state: 'detached' });
}

describe('clinic settings and catalogs', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets an admin create a specialty and a priced treatment, and rename the clinic', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin');
    await page.getByTestId('nav-/settings').click();
    await page.getByTestId('clinic-settings-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/clinic');

    await page.getByTestId('settings-catalogs/specialties').click();
    await page.getByTestId('catalog-table').waitFor();
    await createEntry(page, async (dialog) => {
      await dialog.locator('[data-field="name"] input').fill('Implantología');
    });
    await page.getByTestId('catalog-table').locator('tr', { hasText: 'Implantología' }).waitFor();

    await page.getByTestId('settings-catalogs/treatments').click();
    await page.getByTestId('catalog-table').waitFor();
    await createEntry(page, async (dialog) => {
      await dialog.locator('[data-field="name"] input').fill('Brackets metálicos');
      // The shared DTO answers while typing: at most two decimals.
      await dialog.locator('[data-field="price"] input').fill('120.505');
      await dialog.locator('[data-field="price"] input').blur();
      await expect.poll(() => dialog.innerText()).toContain('Escribe un monto con hasta 2 decimales');
      await dialog.locator('[data-field="price"] input').fill('120.50');
      await dialog.locator('[data-field="durationMinutes"] input').fill('60');
      await dialog.getByTestId('select-specialtyId').click();
      await page.getByRole('option', { name: 'Implantología' }).click();
    });
    const row = page.getByTestId('catalog-table').locator('tr', { hasText: 'Brackets metálicos' });
    await row.waitFor();
    const rowText = (await row.innerText()).replace(/\s+/g, ' ');
    expect(rowText).toContain('S/ 120.50');
    expect(rowText).toContain('60 min');
    expect(rowText).toContain('Implantología');

    await page.getByTestId('settings-clinic').click();
    const name = page.getByTestId('clinic-settings-form').locator('[formcontrolname="name"]');
    await name.fill('Clínica Dental Sonrisa');
    await page.getByTestId('save-settings').click();
    await expect
      .poll(() => page.locator('body').innerText())
      .toContain('Se guardó la configuración de la clínica.');

    await page.reload();
    await page.getByTestId('clinic-settings-form').waitFor();
    expect(await name.inputValue()).toBe('Clínica Dental Sonrisa');
    expect(await shownText(page, 'format-preview')).toContain('S/ 1,234.50');
    await context.close();
  });

  it('shows a receptionist the catalogs read-only and keeps the clinic settings from them', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'receptionist');
    await page.getByTestId('nav-/settings').click();
    await page.getByTestId('catalog-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/catalogs/specialties');
    expect(await shownText(page, 'read-only')).toContain('Solo lectura');
    expect(await page.getByTestId('new-entry').count()).toBe(0);
    expect(await page.getByTestId('settings-clinic').count()).toBe(0);

    await page.goto('/settings/clinic');
    await page.getByTestId('forbidden-page').waitFor();
    await context.close();
  });
});
