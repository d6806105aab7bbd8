import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newContext, screenshot } from './support/browser';

describe('lost connection', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('explains that the server cannot be reached and recovers with the retry button', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin');

    await context.setOffline(true);
    await page.getByTestId('nav-/users').click();
    const lost = page.getByTestId('lost-connection-page');
    await lost.waitFor();
    expect(await lost.innerText()).toContain('Sin conexión con el servidor');
    await screenshot(page, 'desktop-light-12-lost-connection');

    await context.setOffline(false);
    await page.getByTestId('retry-connection').click();
    await lost.waitFor({ state: 'detached' });
    // The users page loads its list again by itself once the server answers.
    await page.getByTestId('users-table').locator('tr.mat-mdc-row').first().waitFor();
    await context.close();
  });
});
