import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, navigationLabels, newContext } from './support/browser';

async function chooseLanguage(page: Page, language: 'es' | 'en'): Promise<void> {
  await page.getByTestId('language-menu').click();
  await page.getByTestId(`language-${language}`).click();
}

describe('language', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('switches the login page from Spanish to English and remembers it after a reload', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/login');
    // The heading's element is in the page a moment before its text (the first change detection fills it).
    await expect.poll(() => page.locator('h1').innerText()).toBe('Iniciar sesión');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');

    await chooseLanguage(page, 'en');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Sign in');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Sign in');
    expect(await page.title()).toBe('Sign in · Consultorio');
    await context.close();
  });

  it('switches the signed-in console to English, keeps it after a reload and back to Spanish', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'receptionist');
    expect(await navigationLabels(page)).toEqual([
      'Inicio',
      'Agenda',
      'Pacientes',
      'Médicos',
      'Facturación',
      'Caja',
      'Configuración',
    ]);

    await Promise.all([
      page.waitForResponse((answer) => answer.url().endsWith('/api/v1/auth/profile') && answer.ok()),
      chooseLanguage(page, 'en'),
    ]);
    await expect
      .poll(() => navigationLabels(page))
      .toEqual(['Home', 'Agenda', 'Patients', 'Doctors', 'Billing', 'Cash register', 'Settings']);
    await expect.poll(() => page.getByTestId('home-role').innerText()).toContain('Receptionist');

    await page.reload();
    await expect
      .poll(() => navigationLabels(page))
      .toEqual(['Home', 'Agenda', 'Patients', 'Doctors', 'Billing', 'Cash register', 'Settings']);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // Signed in, the choice is also saved as the preferred language; leave the demo user as found.
    await Promise.all([
      page.waitForResponse((answer) => answer.url().endsWith('/api/v1/auth/profile') && answer.ok()),
      chooseLanguage(page, 'es'),
    ]);
    await expect
      .poll(() => navigationLabels(page))
      .toEqual(['Inicio', 'Agenda', 'Pacientes', 'Médicos', 'Facturación', 'Caja', 'Configuración']);
    await context.close();
  });
});
