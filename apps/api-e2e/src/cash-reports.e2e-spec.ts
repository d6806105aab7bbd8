import Big from 'big.js';
import fc from 'fast-check';
import { cashEntry, clinicDays, localTime, type ClinicDays } from './support/billing';
import { Http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

const METHODS = ['cash', 'card', 'transfer', 'yape_plin', 'insurer'] as const;
const CONCEPTS = ['Consulta', 'Limpieza', 'Insumos', 'Taxi', 'Radiografía'] as const;
// The edges of the clinic's day: 23:59 in Lima is already tomorrow in UTC.
const TIMES = ['00:00', '08:15', '12:30', '19:45', '23:59'] as const;

interface Generated {
  type: 'income' | 'expense';
  method: (typeof METHODS)[number];
  /** The amount in the currency's minor units (céntimos, pesos). */
  minor: number;
  day: number;
  time: (typeof TIMES)[number];
  concept: (typeof CONCEPTS)[number];
  voided: boolean;
}

interface Expected {
  income: Big;
  expense: Big;
  count: number;
}

const entries = (days: number) =>
  fc.array(
    fc.record({
      type: fc.constantFrom('income' as const, 'expense' as const),
      method: fc.constantFrom(...METHODS),
      minor: fc.oneof(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 2_000_000 })),
      day: fc.integer({ min: 0, max: days - 1 }),
      time: fc.constantFrom(...TIMES),
      concept: fc.constantFrom(...CONCEPTS),
      voided: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
    }),
    { minLength: 20, maxLength: 40 },
  );

/** Exact sums over the posted entries, grouped by `key`. */
function totalsBy<E extends Generated & { amount: Big }, K>(
  posted: E[],
  key: (entry: E) => K,
): Map<K, Expected> {
  const groups = new Map<K, Expected>();
  for (const entry of posted) {
    const group = groups.get(key(entry)) ?? { income: new Big(0), expense: new Big(0), count: 0 };
    if (entry.type === 'income') group.income = group.income.plus(entry.amount);
    else group.expense = group.expense.plus(entry.amount);
    group.count += 1;
    groups.set(key(entry), group);
  }
  return groups;
}

describe('cash reports add up exactly (property)', () => {
  let api: TestApp;
  let admin: Http;
  let days: ClinicDays;
  let run = 0;

  beforeAll(async () => {
    api = await startTestApp();
    admin = await new Http(api.baseUrl).loggedIn('admin');
    days = await clinicDays(api);
  });
  afterAll(() => api.close());

  /** Records `generated` at a new location over last month's days, then checks every report of it. */
  async function checkReports(generated: Generated[], currency: string, digits: number): Promise<void> {
    run += 1;
    const locationId = (
      await admin.post('/api/v1/locations', { name: `Sede ${currency} ${run}`, address: 'Calle 1' })
    ).body.id as string;
    const money = (value: Big) => value.toFixed(digits);
    const withAmounts = generated.map((entry) => ({
      ...entry,
      amount: new Big(entry.minor).div(10 ** digits),
      date: days.lastMonthDays[entry.day],
    }));
    for (const entry of withAmounts) {
      const created = await cashEntry(admin, {
        type: entry.type,
        method: entry.method,
        concept: entry.concept,
        amount: money(entry.amount),
        locationId,
        occurredAt: localTime(days, entry.date, entry.time),
      });
      expect(created).toMatchObject({ businessDate: entry.date, amount: money(entry.amount) });
      if (entry.voided) {
        expect((await admin.request('DELETE', `/api/v1/transactions/${created.id}`)).status).toBe(200);
      }
    }
    const posted = withAmounts.filter((entry) => !entry.voided);
    const totals = (group: Expected | undefined) => {
      const income = group?.income ?? new Big(0);
      const expense = group?.expense ?? new Big(0);
      return { income: money(income), expense: money(expense), net: money(income.minus(expense)) };
    };
    const overall = totalsBy(posted, () => 'all').get('all');
    const byMethod = (entries: typeof posted) => {
      const groups = totalsBy(entries, (entry) => entry.method);
      return METHODS.map((method) => ({ method, ...totals(groups.get(method)) }));
    };
    const summaryOf = (entries: typeof posted) => ({
      currency,
      ...totals(totalsBy(entries, () => 'all').get('all')),
      count: entries.length,
      byMethod: byMethod(entries),
    });
    const first = days.lastMonthDays[0];
    const last = days.lastMonthDays[days.lastMonthDays.length - 1];

    const summary = await admin.get(
      `/api/v1/transactions/summary?from=${first}&to=${last}&locationId=${locationId}`,
    );
    expect(summary.body).toEqual({ from: first, to: last, ...summaryOf(posted) });
    expect(overall?.count ?? 0).toBe(posted.length);

    const monthly = await admin.get(
      `/api/v1/transactions/monthly-report?month=${days.lastMonth}&locationId=${locationId}`,
    );
    const perDay = totalsBy(posted, (entry) => entry.date);
    expect(monthly.body).toEqual({
      from: first,
      to: last,
      month: days.lastMonth,
      ...summaryOf(posted),
      days: days.lastMonthDays.map((date) => ({ date, ...totals(perDay.get(date)) })),
      doctors: [],
    });

    for (const date of [...new Set(posted.map((entry) => entry.date))]) {
      const ofDay = posted.filter((entry) => entry.date === date);
      const daily = await admin.get(
        `/api/v1/transactions/daily-report?date=${date}&locationId=${locationId}`,
      );
      const concepts = totalsBy(ofDay, (entry) => `${entry.type}|${entry.concept}`);
      const byConcept = [...concepts].map(([key, group]) => {
        const [type, concept] = key.split('|');
        return {
          type,
          concept,
          amount: money(type === 'income' ? group.income : group.expense),
          count: group.count,
        };
      });
      const order = (a: { type: string; concept: string }, b: { type: string; concept: string }) =>
        `${a.type}|${a.concept}`.localeCompare(`${b.type}|${b.concept}`);
      expect({ ...daily.body, byConcept: [...daily.body.byConcept].sort(order) }).toEqual({
        from: date,
        to: date,
        date,
        ...summaryOf(ofDay),
        byConcept: byConcept.sort(order),
        closes: [],
      });
    }
  }

  it.each([
    ['PEN', 2],
    ['CLP', 0],
  ])(
    'daily, summary and monthly totals equal the exact sums of the posted entries in %s',
    async (currency, digits) => {
      expect((await admin.put('/api/v1/settings', { currency })).status).toBe(200);
      await fc.assert(
        fc.asyncProperty(entries(days.lastMonthDays.length), (generated) =>
          checkReports(generated, currency, digits),
        ),
        // Each run talks to the API some 60 times; on a failure, report it rather than shrink for minutes.
        { numRuns: 4, endOnFailure: true },
      );
    },
    180_000,
  );
});
