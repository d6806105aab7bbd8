import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/** Waits until the booking dialog shows free slots or says there are none; returns the slot chips. */
export async function suggestedSlots(dialog: Locator): Promise<Locator> {
  const slots = dialog.getByTestId('slot');
  await expect
    .poll(async () => (await slots.count()) > 0 || (await dialog.getByTestId('no-slots').isVisible()), {
      timeout: 15_000,
    })
    .toBe(true);
  return slots;
}

/**
 * Steps the booking dialog forward a day at a time, starting with the day after the one it shows,
 * until at least `minimum` free slots are suggested; returns the slot chips. Today is never used:
 * what is still free today depends on the hour the test runs.
 */
export async function laterDayWithSlots(dialog: Locator, minimum = 1): Promise<Locator> {
  for (let day = 0; day < 14; day++) {
    await dialog.getByRole('button', { name: 'Siguiente' }).click();
    const slots = await suggestedSlots(dialog);
    if ((await slots.count()) >= minimum) return slots;
  }
  throw new Error(`No day in the next two weeks offers ${minimum} free slot(s)`);
}
