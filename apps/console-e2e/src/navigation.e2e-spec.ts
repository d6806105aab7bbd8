import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoRole, launchBrowser, login, navigationLabels, newContext } from './support/browser';

const EXPECTED_NAVIGATION: Record<DemoRole, string[]> = {
  superadmin: [
    'Inicio',
    'Agenda',
    'Pacientes',
    'Médicos',
    'Facturación',
    'Caja',
    'Usuarios',
    'Auditoría',
    'Bandeja de salida',
    'Configuración',
  ],
  admin: [
    'Inicio',
    'Agenda',
    'Pacientes',
    'Médicos',
    'Facturación',
    'Caja',
    'Usuarios',
    'Bandeja de salida',
    'Configuración',
  ],
  receptionist: ['Inicio', 'Agenda', 'Pacientes', 'Médicos', 'Facturación', 'Caja', 'Configuración'],
  doctor: ['Inicio', 'Agenda', 'Médicos', 'Caja', 'Configuración'],
  patient: ['Inicio'],
};

const ROLE_NAMES: Record<DemoRole, string> = {
  superadmin: 'Superadministrador',
  admin: 'Administrador',
  receptionist: 'Recepcionista',
  doctor: 'Médico',
  patient: 'Paciente',
};

describe('navigation per role', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const role of Object.keys(EXPECTED_NAVIGATION) as DemoRole[]) {
    it(`shows ${role} exactly the modules of the role`, async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await login(page, role);

      expect(await navigationLabels(page)).toEqual(EXPECTED_NAVIGATION[role]);
      await expect.poll(() => page.getByTestId('home-role').innerText()).toContain(ROLE_NAMES[role]);
      await expect.poll(() => page.getByTestId('permissions').locator('li').count()).toBeGreaterThan(0);
      await context.close();
    });
  }

  it('shows the forbidden page, at the same address, to a role without access', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'receptionist');

    await page.goto('/users');
    await page.getByTestId('forbidden-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/users');
    await context.close();
  });

  it('shows the not-found page for an unknown address', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'doctor');

    await page.goto('/no-such-page');
    await page.getByTestId('not-found-page').waitFor();
    await context.close();
  });

  it('sends a signed-out visitor to the login page and back after signing in', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/users');
    await page.waitForURL(/\/login\?returnUrl=%2Fusers/);

    await page.getByTestId('login-input').fill('admin@consultorio.test');
    await page.getByTestId('password-input').fill('consultorio-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('users-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/users');
    await context.close();
  });
});
