import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { SCREENSHOT_VARIANTS, launchBrowser, login, newContext, screenshot, settle } from './support/browser';

/** Pictures of every page in both themes, on a desktop and a phone, for a human to look at. */
describe('screenshots', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const variant of SCREENSHOT_VARIANTS) {
    it(`captures the console (${variant.name})`, async () => {
      const context = await newContext(browser, variant);
      const page = await context.newPage();
      const phone = (variant.viewport?.width ?? 0) < 600;

      await page.goto('/login');
      await settle(page);
      await screenshot(page, `${variant.name}-01-login`);

      // Another account than the ones signing in below, so the per-account limit is not reached.
      await page.getByTestId('login-input').fill('recepcion@clinica.test');
      await page.getByTestId('password-input').fill('wrong-password');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('login-error').waitFor();
      await screenshot(page, `${variant.name}-02-login-error`);

      await login(page, 'superadmin');
      await settle(page);
      await screenshot(page, `${variant.name}-03-home`);

      if (phone) {
        await page.getByTestId('menu-button').click();
        await page.getByTestId('navigation').waitFor();
        await screenshot(page, `${variant.name}-04-menu`);
        await page.keyboard.press('Escape');
      }

      await page.goto('/users');
      await page.getByTestId('users-table').locator('tr.mat-mdc-row').first().waitFor();
      await settle(page);
      await screenshot(page, `${variant.name}-05-users`);

      await page.getByTestId('new-user').click();
      const dialog = page.getByTestId('user-dialog');
      await dialog.waitFor();
      await dialog.locator('[formcontrolname="email"]').fill('no-es-correo');
      await dialog.locator('[formcontrolname="username"]').fill('a b');
      await dialog.locator('[formcontrolname="password"]').fill('corta');
      await dialog.locator('[formcontrolname="fullName"]').focus();
      await screenshot(page, `${variant.name}-06-user-dialog`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      await page.getByTestId('user-actions').first().click();
      await screenshot(page, `${variant.name}-07-user-menu`);
      await page.keyboard.press('Escape');

      await page.goto('/audit-log');
      await page.getByTestId('audit-table').waitFor();
      await settle(page);
      await screenshot(page, `${variant.name}-08-audit-log`);
      await page.getByTestId('audit-table').locator('.expand-cell button').first().click();
      await screenshot(page, `${variant.name}-08b-audit-detail`);

      await page.goto('/profile');
      await page.getByTestId('profile-form').waitFor();
      await settle(page);
      await screenshot(page, `${variant.name}-09-profile`);

      await page.goto('/nothing-here');
      await page.getByTestId('not-found-page').waitFor();
      await screenshot(page, `${variant.name}-10-not-found`);

      await page.getByTestId('user-menu').click();
      await screenshot(page, `${variant.name}-11-account-menu`);
      await context.close();
    });
  }
});
