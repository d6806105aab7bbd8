import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newContext } from './support/browser';

const TIME_ZONE = 'America/Lima';
/** A treatment of the demo clinic that needs no room or chair, so only the doctor must be free. */
const TREATMENT = 'Evaluación de ortodoncia';

interface Appointment {
  id: string;
  patientName: string;
  doctorName: string;
  start: string;
  status: string;
}

/** The API's current view of an appointment, asked with the signed-in user's token. */
async function serverState(page: Page, id: string): Promise<Appointment> {
  const session = await page.evaluate(() => localStorage.getItem('consultorio.session'));
  const token = (JSON.parse(session ?? '{}') as { accessToken?: string }).accessToken;
  const answer = await page.request.get(`/api/v1/appointments/${id}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(answer.status()).toBe(200);
  return (await answer.json()) as Appointment;
}

/** `HH:mm` and `YYYY-MM-DD` of an instant on the clinic's wall clocks. */
function clinicTime(iso: string): { time: string; date: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return {
    time: `${part('hour')}:${part('minute')}`,
    date: `${part('year')}-${part('month')}-${part('day')}`,
  };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Waits until the dialog shows free slots or says there are none; returns the slot chips. */
async function suggestedSlots(dialog: Locator): Promise<Locator> {
  const slots = dialog.getByTestId('slot');
  await expect
    .poll(async () => (await slots.count()) > 0 || (await dialog.getByTestId('no-slots').isVisible()), {
      timeout: 15_000,
    })
    .toBe(true);
  return slots;
}

/** The status change a click sends, and the API's answer to it. */
async function changeStatus(page: Page, action: string): Promise<void> {
  const [answer] = await Promise.all([
    page.waitForResponse(
      (response) => response.url().endsWith('/status') && response.request().method() === 'PATCH',
    ),
    page.getByTestId('appointment-panel').getByTestId(action).click(),
  ]);
  expect(answer.status()).toBe(200);
}

describe('agenda', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets a receptionist find a patient, book a suggested slot, move it and see the visit through', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'receptionist');
    await page.getByTestId('nav-/agenda').click();
    const newAppointment = page.getByTestId('new-appointment');
    await expect.poll(() => newAppointment.isEnabled()).toBe(true);

    // Find the patient by part of the name, typed without accents.
    await newAppointment.click();
    const dialog = page.getByTestId('booking-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('patient-search').pressSequentially('nunez', { delay: 40 });
    const firstMatch = page.getByTestId('patient-option').first();
    await firstMatch.waitFor();
    const patientName = (await firstMatch.locator('.name').innerText()).trim();
    expect(patientName).toContain('Núñez');
    await firstMatch.click();
    expect(await dialog.getByTestId('patient-search').inputValue()).toBe(patientName);

    // A treatment, then the first day with free slots the system suggests.
    await dialog.getByTestId('booking-treatment').click();
    await page.getByRole('option', { name: TREATMENT }).click();
    let slots = await suggestedSlots(dialog);
    for (let day = 0; day < 10 && (await slots.count()) < 2; day++) {
      await dialog.getByRole('button', { name: 'Siguiente' }).click();
      slots = await suggestedSlots(dialog);
    }
    // The first suggested slot, and a later one of the same doctor to move it to.
    const group = dialog.locator('cs-slot-picker section').first();
    const doctorName = (await group.locator('h4').innerText()).trim();
    const times = (await group.getByTestId('slot').allInnerTexts()).map((text) => text.trim());
    const bookedAt = times[0];
    const movedTo = times.find((time) => minutesOf(time) >= minutesOf(bookedAt) + 60);
    expect(movedTo).toBeDefined();
    await group.getByTestId('slot').first().click();

    const [created] = await Promise.all([
      page.waitForResponse(
        (response) =>
          response.url().endsWith('/api/v1/appointments') && response.request().method() === 'POST',
      ),
      dialog.getByTestId('book').click(),
    ]);
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as Appointment;
    await dialog.waitFor({ state: 'detached' });
    let state = await serverState(page, id);
    expect(state).toMatchObject({ patientName, doctorName, status: 'scheduled' });
    expect(clinicTime(state.start).time).toBe(bookedAt);
    const panel = page.getByTestId('appointment-panel');
    await expect.poll(() => panel.getByTestId('panel-patient').innerText()).toBe(patientName);
    expect(await panel.getByTestId('status-chip').innerText()).toContain('Agendada');

    // Move it by dragging it an hour (or more) later on that doctor's day.
    await panel.getByTestId('close-panel').click();
    await page.goto(`/agenda?date=${clinicTime(state.start).date}`);
    await page.getByTestId('view-day').click();
    await page.getByTestId('filter-doctor').click();
    await page.getByRole('option', { name: doctorName }).click();
    const event = page.locator(`[title^="${bookedAt} · ${patientName}"]`);
    await event.waitFor();
    const box = (await event.boundingBox())!;
    const labelY = async (time: string) => {
      for (const label of await page.getByText(time, { exact: true }).all()) {
        const labelBox = await label.boundingBox();
        if (labelBox && labelBox.x + labelBox.width <= box.x) return labelBox.y;
      }
      throw new Error(`No hour label ${time} on the time axis`);
    };
    const hour = bookedAt.slice(0, 2);
    const nextHour = `${String(Number(hour) + 1).padStart(2, '0')}:00`;
    const pixelsPerMinute = ((await labelY(nextHour)) - (await labelY(`${hour}:00`))) / 60;
    const offset = (minutesOf(movedTo!) - minutesOf(bookedAt)) * pixelsPerMinute;
    const x = box.x + box.width / 2;
    const y = box.y + Math.min(box.height / 2, 10);
    await page.mouse.move(x, y);
    await page.mouse.down();
    const [moved] = await Promise.all([
      page.waitForResponse(
        (response) =>
          response.url().endsWith(`/api/v1/appointments/${id}`) && response.request().method() === 'PUT',
      ),
      (async () => {
        await page.mouse.move(x, y + offset / 2, { steps: 8 });
        await page.mouse.move(x, y + offset, { steps: 8 });
        await page.mouse.up();
      })(),
    ]);
    expect(moved.status()).toBe(200);
    state = await serverState(page, id);
    expect(clinicTime(state.start).time).toBe(movedTo);
    expect(state.status).toBe('scheduled');
    const movedEvent = page.locator(`[title^="${movedTo} · ${patientName}"]`);
    await movedEvent.waitFor();

    // Confirm it, check the patient in and complete the visit from the side panel.
    await movedEvent.click();
    await panel.waitFor();
    await changeStatus(page, 'action-confirmed');
    expect((await serverState(page, id)).status).toBe('confirmed');
    await expect.poll(() => panel.getByTestId('status-chip').innerText()).toContain('Confirmada');

    await changeStatus(page, 'action-checked_in');
    expect((await serverState(page, id)).status).toBe('checked_in');
    await expect.poll(() => panel.getByTestId('status-chip').innerText()).toContain('En sala');

    await changeStatus(page, 'action-completed');
    expect((await serverState(page, id)).status).toBe('completed');
    await expect.poll(() => panel.getByTestId('status-chip').innerText()).toContain('Atendida');
    expect(await panel.locator('[data-testid^="action-"]').count()).toBe(0);
    await context.close();
  });
});
