import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, baseUrl, launchBrowser, newContext } from './support/browser';

// A demo-clinic doctor no other browser test signs in as; the test gives the password back.
const ACCOUNT = { username: 'miguel.torres', email: 'miguel.torres@consultorio.test' };
const NEW_PASSWORD = 'otra-clave-segura-2026';

/** Calls the API as the demo admin would, to read what the mail catcher received. */
async function api<T>(path: string, init: { token?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${baseUrl()}/api/v1${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

const login = (username: string, password: string) =>
  api<{ access_token: string }>('/auth/login', { body: { login: username, password } });

/** The link of the newest password-reset e-mail to `email`, as the SMTP catcher received it. */
async function resetLinkSentTo(email: string): Promise<URL> {
  const { access_token: token } = await login('admin', DEMO_PASSWORD);
  const query = `template=auth.password_reset&recipient=${encodeURIComponent(email)}&sort=-createdAt`;
  for (let tries = 0; tries < 100; tries++) {
    const page = await api<{ items: { id: string; status: string; recipient: string }[] }>(
      `/outbox?${query}`,
      { token },
    );
    const newest = page.items.find((item) => item.recipient === email);
    if (newest?.status === 'sent') {
      const [mail] = await api<{ text: string }[]>(`/outbox/${newest.id}/caught`, { token });
      const link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(mail.text)?.[0];
      if (!link) throw new Error(`no reset link in: ${mail.text}`);
      return new URL(link);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no password-reset e-mail to ${email} was sent`);
}

describe('password reset', () => {
  let browser: Browser;
  let changed = false;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (changed) {
      const { access_token: token } = await login(ACCOUNT.username, NEW_PASSWORD);
      await api('/auth/password', {
        token,
        body: { currentPassword: NEW_PASSWORD, newPassword: DEMO_PASSWORD },
      });
    }
  });

  it('goes from the login page to an e-mailed link, a new password and a sign-in with it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByTestId('forgot-password-link').click();
    await page.waitForURL('**/forgot-password');

    await page.getByTestId('reset-email-input').fill(ACCOUNT.email);
    await page.getByTestId('reset-request-submit').click();
    await expect
      .poll(() => page.getByTestId('reset-requested').innerText())
      .toContain('Si la dirección está registrada, recibirás un correo');

    const link = await resetLinkSentTo(ACCOUNT.email);
    // Without PUBLIC_URL the links point at localhost on the server's port.
    expect(link.origin).toBe(`http://localhost:${new URL(baseUrl()).port}`);
    await page.goto(link.pathname + link.search);

    await page.getByTestId('new-password-input').fill('corta');
    await expect
      .poll(() => page.locator('mat-error').first().innerText())
      .toBe('La contraseña debe tener entre 10 y 128 caracteres.');
    await page.getByTestId('new-password-input').fill(NEW_PASSWORD);
    await page.getByTestId('confirm-password-input').fill(NEW_PASSWORD);
    await page.getByTestId('reset-submit').click();

    await page.waitForURL('**/login?passwordChanged=1');
    changed = true;
    await expect
      .poll(() => page.getByTestId('password-changed').innerText())
      .toContain('Tu contraseña cambió. Inicia sesión con la nueva.');
    await page.getByTestId('login-input').fill(ACCOUNT.username);
    await page.getByTestId('password-input').fill(NEW_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('greeting').waitFor();
    await context.close();

    // The link worked once: opened again, it explains itself and offers a new one.
    const again = await newContext(browser);
    const second = await again.newPage();
    await second.goto(link.pathname + link.search);
    await second.getByTestId('new-password-input').fill('una-tercera-clave-2026');
    await second.getByTestId('confirm-password-input').fill('una-tercera-clave-2026');
    await second.getByTestId('reset-submit').click();
    await expect
      .poll(() => second.getByTestId('reset-link-invalid').innerText())
      .toContain('Este enlace no es válido');
    await second.getByTestId('request-new-link').click();
    await second.waitForURL('**/forgot-password');
    await again.close();
  });
});
