import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const TIME_ZONE = 'America/Lima';
/** A treatment of the demo clinic that needs no room or chair, so only the doctor must be free. */
const TREATMENT = 'Evaluación de ortodoncia';

export interface Booking {
  id: string;
  patientName: string;
  email: string;
}

/** A request to the API with the signed-in user's token, as the console sends it. */
export async function apiCall(page: Page, method: 'get' | 'post', path: string, data?: object) {
  const session = await page.evaluate(() => localStorage.getItem('consultorio.session'));
  const token = (JSON.parse(session ?? '{}') as { accessToken?: string }).accessToken;
  const answer = await page.request[method](`/api/v1${path}`, {
    headers: { Authorization: `Bearer ${token}` },
    data,
  });
  expect(answer.ok(), `${method} ${path}: ${answer.status()}`).toBe(true);
  return answer.json();
}

/** `YYYY-MM-DD` on the clinic's calendar, `days` from today. */
function clinicDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/**
 * A new patient with an address of their own (no other test mails them), booked at the first
 * free time from `fromDay` days ahead: never today (what is free today depends on the hour) and
 * far enough for no reminder to be due. The API queues the booking confirmation, a transactional
 * mail (quiet hours do not hold it), and the dispatcher sends it to the catcher.
 */
export async function bookNewPatient(page: Page, firstNames: string, fromDay = 4): Promise<Booking> {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const email = `${firstNames.toLowerCase()}.${stamp}@correo.test`;
  const patient = await apiCall(page, 'post', '/patients', {
    firstNames,
    lastNames: `Bandeja ${stamp}`,
    email,
  });
  const treatment = (await apiCall(page, 'get', '/treatments?pageSize=100')).items.find(
    (item: { name: string }) => item.name === TREATMENT,
  );
  const locations = (await apiCall(page, 'get', '/locations?pageSize=100')).items as { id: string }[];
  for (let day = fromDay; day < fromDay + 30; day++) {
    for (const location of locations) {
      const slots = (await apiCall(
        page,
        'get',
        `/appointments/available-slots?treatmentId=${treatment.id}&locationId=${location.id}&from=${clinicDate(day)}&to=${clinicDate(day)}`,
      )) as { doctorId: string; start: string }[];
      if (slots.length === 0) continue;
      const booked = await apiCall(page, 'post', '/appointments', {
        patientId: patient.id,
        doctorId: slots[0].doctorId,
        locationId: location.id,
        treatmentId: treatment.id,
        start: slots[0].start,
      });
      return { id: booked.id, patientName: booked.patientName, email };
    }
  }
  throw new Error('no free time in the demo clinic');
}

/** Searches the outbox page for `text` and waits until its first row has `status`, refreshing. */
export async function waitForRow(page: Page, text: string, status: string): Promise<void> {
  const search = page.getByTestId('outbox-search');
  if ((await search.inputValue()) !== text) await search.fill(text);
  await expect
    .poll(
      async () => {
        await page.getByTestId('refresh-outbox').click();
        await page.waitForLoadState('networkidle');
        const rows = page.getByTestId('message-row');
        return (
          (await rows.count()) > 0 && (await rows.first().locator(`[data-status="${status}"]`).count()) > 0
        );
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
}
