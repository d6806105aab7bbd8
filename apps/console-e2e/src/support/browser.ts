import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** The demo accounts seeded on first start; all share one password. */
export const DEMO_PASSWORD = 'consultorio-demo';
export const DEMO_USERS = {
  superadmin: { email: 'superadmin@consultorio.test', username: 'superadmin' },
  admin: { email: 'admin@consultorio.test', username: 'admin' },
  receptionist: { email: 'receptionist@consultorio.test', username: 'receptionist' },
  doctor: { email: 'doctor@consultorio.test', username: 'doctor' },
  patient: { email: 'patient@consultorio.test', username: 'patient' },
} as const;
export type DemoRole = keyof typeof DEMO_USERS;

export const DESKTOP = { width: 1366, height: 860 };
export const PHONE = { width: 360, height: 760 };

const SCREENSHOTS = fileURLToPath(new URL('../../screenshots/', import.meta.url));

export function baseUrl(): string {
  return inject('baseUrl');
}

/** Debian's Chromium, headless; no browser is ever downloaded. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface ContextOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

/** A fresh browser profile (no session, no stored preferences) at the console's address. */
export function newContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  const viewport = options.viewport ?? DESKTOP;
  return browser.newContext({
    baseURL: baseUrl(),
    viewport,
    isMobile: viewport.width < 600,
    hasTouch: viewport.width < 600,
    colorScheme: options.colorScheme ?? 'light',
    locale: 'es-PE',
    timezoneId: 'America/Lima',
  });
}

/** Signs in through the login page and waits for the home page. */
export async function login(
  page: Page,
  role: DemoRole,
  by: 'email' | 'username' = 'username',
): Promise<void> {
  await loginWith(page, DEMO_USERS[role][by], DEMO_PASSWORD);
}

/** Signs in as any account through the login page and waits for the home page. */
export async function loginWith(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-input').fill(login);
  await page.getByTestId('password-input').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('greeting').waitFor();
}

/**
 * A new front-desk account of its own, so a test that closes its cash drawer for today locks
 * nobody else's (drawers are per cashier). Created by the demo admin through the API.
 */
export async function newReceptionist(
  name: string,
): Promise<{ username: string; password: string; id: string }> {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const username = `${name.toLowerCase()}.${stamp}`;
  const password = `Caja-${stamp}-segura`;
  const signedIn = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: DEMO_USERS.admin.username, password: DEMO_PASSWORD }),
  });
  const { access_token: token } = (await signedIn.json()) as { access_token: string };
  const created = await fetch(`${baseUrl()}/api/v1/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      email: `${username}@consultorio.test`,
      username,
      fullName: `${name} Caja`,
      role: 'receptionist',
      password,
    }),
  });
  if (created.status !== 201) throw new Error(`new receptionist: ${created.status} ${await created.text()}`);
  return { username, password, id: ((await created.json()) as { id: string }).id };
}

/** The labels of the side navigation, in order. */
export async function navigationLabels(page: Page): Promise<string[]> {
  const labels = await page.getByTestId('navigation').locator('[matListItemTitle]').allInnerTexts();
  return labels.map((label) => label.trim());
}

/** The four looks every screenshot spec captures: light and dark, on a desktop and a phone. */
export const SCREENSHOT_VARIANTS: (ContextOptions & { name: string })[] = [
  { name: 'desktop-light', viewport: DESKTOP, colorScheme: 'light' },
  { name: 'desktop-dark', viewport: DESKTOP, colorScheme: 'dark' },
  { name: 'phone-light', viewport: PHONE, colorScheme: 'light' },
  { name: 'phone-dark', viewport: PHONE, colorScheme: 'dark' },
];

/** Waits until the page has stopped loading and its fonts are in, before a picture. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
}

/** Saves a full-page screenshot under `apps/console-e2e/screenshots/`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let Material's enter animations settle so the picture shows the resting state.
  await page.waitForTimeout(350);
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}
