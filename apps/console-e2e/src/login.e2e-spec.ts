import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from './support/browser';

async function attempt(page: Page, login: string, password: string): Promise<void> {
  await page.getByTestId('login-input').fill(login);
  await page.getByTestId('password-input').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('login page', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('says so when the password is wrong and stays on the login page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/login');

    await attempt(page, 'doctor', 'not-the-password');

    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('El usuario o la contraseña no son correctos.');
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });

  it('asks to wait, with the seconds from Retry-After, once an account is throttled', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/login');

    // The e2e server allows 20 attempts per account and minute (several tests sign in as the same
    // demo user within a minute).
    let status = 0;
    for (let i = 0; i < 24 && status !== 429; i++) {
      const [response] = await Promise.all([
        page.waitForResponse((answer) => answer.url().endsWith('/api/v1/auth/login')),
        attempt(page, 'nobody-throttled@consultorio.test', `wrong-password-${i}`),
      ]);
      status = response.status();
    }
    expect(status).toBe(429);
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('Demasiados intentos');

    const text = await page.getByTestId('login-error').innerText();
    expect(text).toMatch(/Demasiados intentos\. Vuelve a intentarlo en \d+ s\./);
    expect(await page.getByTestId('login-submit').isDisabled()).toBe(true);
    await context.close();
  });
});
