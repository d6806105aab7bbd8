import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newContext } from './support/browser';

async function fillUserForm(page: Page, user: { fullName: string; email: string; username: string }) {
  const dialog = page.getByTestId('user-dialog');
  await dialog.locator('[formcontrolname="fullName"]').fill(user.fullName);
  await dialog.locator('[formcontrolname="email"]').fill(user.email);
  await dialog.locator('[formcontrolname="username"]').fill(user.username);
  await dialog.locator('[formcontrolname="phone"]').fill('+51 987 654 321');
  await dialog.getByTestId('role-select').click();
  await page.getByRole('option', { name: 'Médico' }).click();
  await dialog.locator('[formcontrolname="password"]').fill('una-clave-segura-2026');
}

describe('users administration', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets an admin create a user through the dialog and find it in the table', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin');
    await page.getByTestId('nav-/users').click();
    await page.getByTestId('users-table').waitFor();

    await page.getByTestId('new-user').click();
    const dialog = page.getByTestId('user-dialog');
    await dialog.waitFor();

    // Admins may not hand out the superadmin role.
    await dialog.getByTestId('role-select').click();
    const roles = await page.getByRole('option').allInnerTexts();
    expect(roles.map((role) => role.trim())).not.toContain('Superadministrador');
    expect(roles.map((role) => role.trim())).toContain('Recepcionista');
    await page.keyboard.press('Escape');

    // The shared DTO rules answer while typing, before anything is sent.
    await dialog.locator('[formcontrolname="email"]').fill('not-an-email');
    await dialog.locator('[formcontrolname="email"]').blur();
    await expect.poll(() => dialog.innerText()).toContain('Escribe un correo válido');

    await fillUserForm(page, {
      fullName: 'Lucía Ramírez Soto',
      email: 'lucia.ramirez@consultorio.test',
      username: 'lramirez',
    });
    await dialog.getByTestId('save-user').click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('user-search').fill('Ramírez');
    const row = page.getByTestId('users-table').locator('tr', { hasText: 'Lucía Ramírez Soto' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Médico');
    await context.close();
  });

  it('shows the API’s duplicate e-mail error on the e-mail field', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin');
    await page.goto('/users');
    await page.getByTestId('new-user').click();
    const dialog = page.getByTestId('user-dialog');
    await dialog.waitFor();

    await fillUserForm(page, {
      fullName: 'Otra Persona',
      email: 'doctor@consultorio.test',
      username: 'otra.persona',
    });
    await dialog.getByTestId('save-user').click();

    await expect.poll(() => dialog.innerText()).toContain('Ya existe un usuario con este correo.');
    await context.close();
  });
});
