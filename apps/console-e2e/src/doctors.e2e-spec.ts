import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newContext } from './support/browser';

const TIME_ZONE = 'America/Lima';

interface WorkingHours {
  id: string;
  locationId: string;
  weekday: number;
  start: string;
  end: string;
}
interface Block {
  id: string;
  kind: string;
  start: string;
  end: string;
  reason: string | null;
}
interface Schedule {
  weekly: WorkingHours[];
  blocks: Block[];
}
interface Slot {
  start: string;
}

/** Calls the API with the signed-in user's token, as the console does. */
async function api<T>(page: Page, path: string, method: 'GET' | 'DELETE' = 'GET'): Promise<T> {
  const session = await page.evaluate(() => localStorage.getItem('consultorio.session'));
  const token = (JSON.parse(session ?? '{}') as { accessToken?: string }).accessToken;
  const answer = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(answer.status()).toBe(method === 'GET' ? 200 : 204);
  return (method === 'GET' ? await answer.json() : undefined) as T;
}

/** `YYYY-MM-DD` of today on the clinic's calendar, moved by `days`. */
function clinicDate(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** `HH:mm` of an instant on the clinic's clocks. */
function clinicTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

describe('doctors and schedules', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets an admin give a demo doctor Sunday hours and block part of them, shows a refused overlap in plain words, and booking follows', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin');
    await page.getByTestId('nav-/doctors').click();
    await page.getByTestId('doctor-row').first().click();
    await page.getByTestId('doctor-profile').waitFor();
    const doctorId = new URL(page.url()).pathname.split('/').pop() ?? '';

    // The demo doctors do not work on Sundays: the next one that is not a clinic holiday.
    const holidays = await api<{ items: { date: string }[] }>(
      page,
      `/holidays?from=${clinicDate()}&to=${clinicDate(40)}&pageSize=100`,
    );
    const sunday = Array.from({ length: 35 }, (_, day) => clinicDate(day + 1)).find(
      (date) =>
        new Date(`${date}T12:00:00Z`).getUTCDay() === 0 && !holidays.items.some((h) => h.date === date),
    )!;
    const before = await api<Schedule>(page, `/doctors/${doctorId}/schedule`);
    expect(before.weekly.some((entry) => entry.weekday === 7)).toBe(false);

    // Weekly hours: a Sunday range, 09:00 to 12:30, on the location shown first.
    await page.getByRole('tab', { name: 'Horario semanal' }).click();
    const sundayRow = page.getByTestId('day-7');
    await sundayRow.getByText('No atiende').waitFor();
    await sundayRow.getByTestId('add-range').click();
    await sundayRow.getByTestId('range-end').fill('12:30');
    const [added] = await Promise.all([
      page.waitForResponse(
        (answer) => answer.url().endsWith('/schedule/hours') && answer.request().method() === 'POST',
      ),
      page.getByTestId('save-hours').click(),
    ]);
    expect(added.status()).toBe(201);
    const range = (await added.json()) as WorkingHours;
    await expect.poll(() => sundayRow.getByTestId('range').count()).toBe(1);

    const withHours = await api<Schedule>(page, `/doctors/${doctorId}/schedule`);
    expect(withHours.weekly.filter((entry) => entry.weekday === 7)).toEqual([
      expect.objectContaining({ id: range.id, start: '09:00', end: '12:30' }),
    ]);
    // Nothing else of the week changed.
    expect(withHours.weekly.length).toBe(before.weekly.length + 1);
    const slotsPath = `/doctors/${doctorId}/available-slots?from=${sunday}&to=${sunday}&locationId=${range.locationId}&durationMinutes=30`;
    const sundaySlots = (await api<Slot[]>(page, slotsPath)).map((slot) => clinicTime(slot.start));
    expect(sundaySlots).toContain('09:00');
    expect(sundaySlots).toContain('12:00');
    expect(sundaySlots.every((time) => time >= '09:00' && time < '12:30')).toBe(true);

    // Exceptions: block 10:00 to 11:00 that Sunday for a team meeting.
    await page.getByRole('tab', { name: 'Excepciones' }).click();
    await page.getByTestId('add-block').click();
    const dialog = page.getByTestId('block-dialog');
    await dialog.getByTestId('block-start-date').fill(sunday);
    await dialog.getByTestId('block-start-time').fill('10:00');
    await dialog.getByTestId('block-end-date').fill(sunday);
    await dialog.getByTestId('block-end-time').fill('11:00');
    await dialog.getByTestId('block-reason').fill('Reunión de equipo');
    const [blocked] = await Promise.all([
      page.waitForResponse(
        (answer) => answer.url().endsWith('/schedule/blocks') && answer.request().method() === 'POST',
      ),
      dialog.getByTestId('save-block').click(),
    ]);
    expect(blocked.status()).toBe(201);
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByTestId('block-entry').filter({ hasText: 'Reunión de equipo' }).count())
      .toBe(1);

    const withBlock = await api<Schedule>(page, `/doctors/${doctorId}/schedule`);
    const block = withBlock.blocks.find((entry) => entry.reason === 'Reunión de equipo')!;
    expect(block).toMatchObject({ kind: 'block' });
    expect([clinicTime(block.start), clinicTime(block.end)]).toEqual(['10:00', '11:00']);
    const blockedSlots = (await api<Slot[]>(page, slotsPath)).map((slot) => clinicTime(slot.start));
    expect(blockedSlots).toContain('09:00');
    expect(blockedSlots).toContain('11:00');
    expect(blockedSlots.filter((time) => time >= '10:00' && time < '11:00')).toEqual([]);

    // Hours from today on that collide with the Sunday range: the API's 409, in plain words on the form.
    await page.getByRole('tab', { name: 'Horario semanal' }).click();
    await page.getByTestId('hours-period').click();
    await page.getByRole('option', { name: 'Nuevo horario (otra vigencia)' }).click();
    await expect.poll(() => sundayRow.getByTestId('range').count()).toBe(0);
    await sundayRow.getByTestId('add-range').click();
    await sundayRow.getByTestId('range-start').fill('10:00');
    await sundayRow.getByTestId('range-end').fill('11:00');
    const [refused] = await Promise.all([
      page.waitForResponse(
        (answer) => answer.url().endsWith('/schedule/hours') && answer.request().method() === 'POST',
      ),
      page.getByTestId('save-hours').click(),
    ]);
    expect(refused.status()).toBe(409);
    const said = 'Se cruza con el horario de 09:00 a 12:30 que el médico ya tiene los domingos';
    await expect.poll(() => page.getByTestId('hours-error').innerText()).toContain(said);
    expect(await sundayRow.locator('mat-error').innerText()).toContain(said);
    const afterRefusal = await api<Schedule>(page, `/doctors/${doctorId}/schedule`);
    expect(afterRefusal.weekly.length).toBe(withHours.weekly.length);

    // Leave the demo clinic as found for the other tests.
    await api(page, `/doctors/${doctorId}/schedule/blocks/${block.id}`, 'DELETE');
    await api(page, `/doctors/${doctorId}/schedule/hours/${range.id}`, 'DELETE');
    await context.close();
  });

  it('shows a receptionist the doctors and their hours without anything to change', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'receptionist');
    await page.goto('/doctors');
    await page.getByTestId('doctor-row').first().waitFor();
    expect(await page.getByTestId('new-doctor').count()).toBe(0);

    await page.getByTestId('doctor-row').first().click();
    await page.getByTestId('doctor-profile').waitFor();
    expect(await page.getByTestId('edit-doctor').count()).toBe(0);
    await page.getByRole('tab', { name: 'Horario semanal' }).click();
    await expect.poll(() => page.getByTestId('weekly-hours').innerText()).toContain('09:00–13:00');
    expect(await page.getByTestId('save-hours').count()).toBe(0);
    await page.getByRole('tab', { name: 'Excepciones' }).click();
    expect(await page.getByTestId('add-block').count()).toBe(0);

    await page.goto('/doctors/holidays');
    await page.getByTestId('holiday-row').first().waitFor();
    expect(await page.getByTestId('new-holiday').count()).toBe(0);
    await context.close();
  });
});
