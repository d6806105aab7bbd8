import type { Browser, Locator, Page, Response } from 'playwright-core';
import { laterDayWithSlots } from './support/agenda';
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

/** A request to the API with the signed-in user's token, as the console would send it. */
async function apiCall(page: Page, method: 'get' | 'post', path: string, data?: object) {
  const session = await page.evaluate(() => localStorage.getItem('consultorio.session'));
  const token = (JSON.parse(session ?? '{}') as { accessToken?: string }).accessToken;
  return page.request[method](path, { headers: { Authorization: `Bearer ${token}` }, data });
}

/** The API's current view of an appointment. */
async function serverState(page: Page, id: string): Promise<Appointment> {
  const answer = await apiCall(page, 'get', `/api/v1/appointments/${id}`);
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

interface Slot {
  doctorId: string;
  start: string;
  end: string;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

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

/**
 * Drags an appointment of the day view from its start `from` to `to` (both `HH:mm`), measuring
 * the time axis to know how many pixels a minute is; resolves with the API's answer to the move.
 */
async function dragOnDayView(page: Page, event: Locator, from: string, to: string): Promise<Response> {
  // Mid-screen, so the drop point (up to two hours lower) is on screen too, wherever the slot is.
  await event.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const box = (await event.boundingBox())!;
  const labelY = async (time: string) => {
    for (const label of await page.getByText(time, { exact: true }).all()) {
      const labelBox = await label.boundingBox();
      if (labelBox && labelBox.x + labelBox.width <= box.x) return labelBox.y;
    }
    throw new Error(`No hour label ${time} on the time axis`);
  };
  const hour = from.slice(0, 2);
  const nextHour = `${String(Number(hour) + 1).padStart(2, '0')}:00`;
  const pixelsPerMinute = ((await labelY(nextHour)) - (await labelY(`${hour}:00`))) / 60;
  const offset = (minutesOf(to) - minutesOf(from)) * pixelsPerMinute;
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height / 2, 10);
  const viewport = page.viewportSize();
  if (viewport && (y + offset < 0 || y + offset > viewport.height)) {
    throw new Error(`The drop point for ${to} is off screen (y = ${Math.round(y + offset)})`);
  }
  await page.mouse.move(x, y);
  await page.mouse.down();
  const [answer] = await Promise.all([
    page.waitForResponse(
      (response) =>
        /\/api\/v1\/appointments\/[\w-]+$/.test(response.url()) && response.request().method() === 'PUT',
    ),
    (async () => {
      await page.mouse.move(x, y + offset / 2, { steps: 8 });
      await page.mouse.move(x, y + offset, { steps: 8 });
      await page.mouse.up();
    })(),
  ]);
  return answer;
}

/** Opens the day view of `date` showing only `doctorName`'s column. */
async function openDoctorDay(page: Page, date: string, doctorName: string): Promise<void> {
  await page.goto(`/agenda?date=${date}`);
  await page.getByTestId('view-day').click();
  await page.getByTestId('filter-doctor').click();
  await page.getByRole('option', { name: doctorName }).click();
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

    // A treatment, then the first day after today with free slots the system suggests.
    await dialog.getByTestId('booking-treatment').click();
    await page.getByRole('option', { name: TREATMENT }).click();
    await laterDayWithSlots(dialog, 2);
    // A suggested slot with another of the same doctor an hour or two later (both on screen for the drag).
    const group = dialog.locator('cs-slot-picker section').first();
    const doctorName = (await group.locator('h4').innerText()).trim();
    const times = (await group.getByTestId('slot').allInnerTexts()).map((text) => text.trim());
    const laterOf = (from: string) =>
      times.find(
        (time) => minutesOf(time) >= minutesOf(from) + 60 && minutesOf(time) <= minutesOf(from) + 120,
      );
    const bookedAt = times.find((time) => laterOf(time)) ?? times[0];
    const movedTo = laterOf(bookedAt);
    expect(movedTo).toBeDefined();
    await group.getByTestId('slot').nth(times.indexOf(bookedAt)).click();

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
    await openDoctorDay(page, clinicTime(state.start).date, doctorName);
    const event = page.locator(`[title^="${bookedAt} · ${patientName}"]`);
    await event.waitFor();
    const moved = await dragOnDayView(page, event, bookedAt, movedTo!);
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

  it('shows what a refused move collides with and puts the appointment back', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'receptionist');
    const list = async <T>(path: string) =>
      ((await (await apiCall(page, 'get', path)).json()) as { items: T[] }).items;
    const treatment = (await list<{ id: string; name: string }>('/api/v1/treatments?pageSize=100')).find(
      (item) => item.name === TREATMENT,
    )!;
    const locations = await list<{ id: string }>('/api/v1/locations?pageSize=100');
    const patients = await list<{ id: string }>('/api/v1/patients?pageSize=2');

    // Two free whole hours of one doctor, an hour apart (both on screen), on a day after tomorrow.
    const onTheHour = (slot: Slot) => clinicTime(slot.start).time.endsWith(':00');
    let pair: { locationId: string; first: Slot; second: Slot } | undefined;
    for (let day = 2; day < 16 && !pair; day++) {
      const date = clinicTime(new Date(Date.now() + day * 86_400_000).toISOString()).date;
      for (const location of locations) {
        const answer = await apiCall(
          page,
          'get',
          `/api/v1/appointments/available-slots?treatmentId=${treatment.id}&locationId=${location.id}&from=${date}&to=${date}`,
        );
        const slots = ((await answer.json()) as Slot[]).filter(onTheHour);
        const first = slots.find((slot) =>
          slots.some(
            (other) =>
              other.doctorId === slot.doctorId &&
              Date.parse(other.start) - Date.parse(slot.start) === 3_600_000,
          ),
        );
        const second = slots.find(
          (other) =>
            first &&
            other.doctorId === first.doctorId &&
            Date.parse(other.start) - Date.parse(first.start) === 3_600_000,
        );
        if (first && second) {
          pair = { locationId: location.id, first, second };
          break;
        }
      }
    }
    expect(pair).toBeDefined();
    const bookAt = async (slot: Slot, patientId: string) => {
      const answer = await apiCall(page, 'post', '/api/v1/appointments', {
        patientId,
        doctorId: slot.doctorId,
        locationId: pair!.locationId,
        treatmentId: treatment.id,
        start: slot.start,
      });
      expect(answer.status()).toBe(201);
      return (await answer.json()) as Appointment;
    };
    const moving = await bookAt(pair!.first, patients[0].id);
    const inTheWay = await bookAt(pair!.second, patients[1].id);

    const from = clinicTime(moving.start).time;
    const to = clinicTime(inTheWay.start).time;
    await openDoctorDay(page, clinicTime(moving.start).date, moving.doctorName);
    const event = page.locator(`[title^="${from} · ${moving.patientName}"]`);
    await event.waitFor();
    const refused = await dragOnDayView(page, event, from, to);
    expect(refused.status()).toBe(409);

    // The dialog lists the appointment in the way, with its time and patient.
    const problem = page.getByTestId('move-problem');
    await problem.waitFor();
    const conflict = problem.getByTestId('conflicts').locator('li');
    await expect.poll(() => conflict.innerText()).toContain(inTheWay.patientName);
    expect(await conflict.count()).toBe(1);
    expect(await conflict.innerText()).toContain(to);
    await page.getByRole('button', { name: 'Cerrar' }).click();

    // The appointment is back at its time, on the screen and on the server.
    await page.locator(`[title^="${from} · ${moving.patientName}"]`).waitFor();
    expect((await serverState(page, moving.id)).start).toBe(moving.start);
    await context.close();
  });
});
