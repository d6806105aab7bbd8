import Big from 'big.js';
import { cashEntry, clinicDays, localTime, staffAccount, type ClinicDays } from './support/billing';
import { setUpClinic } from './support/clinic';
import { expectProblem, Http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

const CLOSED_DAY = /already closed for the day/;

describe('cash register', () => {
  let api: TestApp;
  let anonymous: Http;
  let admin: Http;
  let receptionist: Http;
  let doctor: Http;
  let receptionistId: string;
  let adminId: string;
  let locationId: string;
  let doctorId: string;
  let patientIds: string[];
  let days: ClinicDays;

  const newLocation = async (name: string) =>
    (await admin.post('/api/v1/locations', { name, address: 'Calle 1' })).body.id as string;
  const auditOf = (id: string) =>
    api.sql<{ action: string; changes: Record<string, { before: unknown; after: unknown }> }>(
      `SELECT action, changes FROM audit_log WHERE entity = 'cash_transaction' AND entity_id = $1 ORDER BY at, id`,
      [id],
    );

  beforeAll(async () => {
    api = await startTestApp();
    anonymous = new Http(api.baseUrl);
    const adminLogin = await anonymous.login('admin');
    admin = anonymous.as(adminLogin.access_token);
    adminId = adminLogin.user.id;
    const receptionistLogin = await anonymous.login('receptionist');
    receptionist = anonymous.as(receptionistLogin.access_token);
    receptionistId = receptionistLogin.user.id;
    doctor = await anonymous.loggedIn('doctor');
    ({ locationId, doctorId, patientIds } = await setUpClinic(admin, receptionist));
    days = await clinicDays(api);
  });
  afterAll(() => api.close());

  it('records an entry in the caller’s drawer, changes it, and voids it keeping the row', async () => {
    const created = await receptionist.post('/api/v1/transactions', {
      type: 'income',
      concept: '  Venta de cepillo ',
      amount: '50',
      method: 'cash',
      locationId,
      doctorId,
      patientId: patientIds[0],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'income',
      concept: 'Venta de cepillo',
      amount: '50.00',
      method: 'cash',
      locationId,
      locationName: 'Miraflores',
      cashierId: receptionistId,
      cashierName: 'Rocío Recepción',
      doctorId,
      doctorName: 'Dra. Daniela Núñez',
      patientName: 'Paciente 0 Prueba',
      invoiceId: null,
      paymentId: null,
      adjustmentOfId: null,
      status: 'posted',
      businessDate: days.today,
    });
    const id = created.body.id;
    expect((await receptionist.get(`/api/v1/transactions/${id}`)).body).toEqual(created.body);

    const changed = await receptionist.patch(`/api/v1/transactions/${id}`, {
      amount: '60.5',
      comment: 'Con recibo',
      doctorId: null,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      amount: '60.50',
      comment: 'Con recibo',
      doctorId: null,
      doctorName: null,
    });

    const voided = await receptionist.request('DELETE', `/api/v1/transactions/${id}`);
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ id, status: 'void', amount: '60.50' });
    expect((await receptionist.get(`/api/v1/transactions/${id}`)).body.status).toBe('void');
    const [row] = await api.sql<{ status: string }>(`SELECT status FROM cash_transactions WHERE id = $1`, [
      id,
    ]);
    expect(row.status).toBe('void');
    const listed = await receptionist.get(`/api/v1/transactions?status=void&locationId=${locationId}`);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(id);

    // A void entry is final, and it no longer counts.
    expect(
      expectProblem(await receptionist.patch(`/api/v1/transactions/${id}`, { amount: '1' }), 422).type,
    ).toBe('urn:consultorio:problem:entry-void');
    expectProblem(await receptionist.request('DELETE', `/api/v1/transactions/${id}`), 422);
    const daily = await receptionist.get(`/api/v1/transactions/daily-report?locationId=${locationId}`);
    expect(daily.body.byConcept).not.toContainEqual(expect.objectContaining({ concept: 'Venta de cepillo' }));

    const audit = await auditOf(id);
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'update', 'update']);
    expect(audit[1].changes).toMatchObject({ amount: { before: '50.00', after: '60.50' } });
    expect(audit[2].changes).toEqual({ status: { before: 'posted', after: 'void' } });

    expectProblem(await receptionist.get('/api/v1/transactions/00000000-0000-4000-8000-000000000009'), 404);
  });

  it('documents every cash operation with a summary, its roles and its problems', async () => {
    const document = (await anonymous.get('/api/docs-json')).body;
    const operations = Object.entries<Record<string, any>>(document.paths)
      .filter(([path]) => /^\/api\/v1\/(transactions|cash-closes)/.test(path))
      .flatMap(([path, item]) =>
        Object.entries<any>(item).map(([method, operation]) => ({ path, method, operation })),
      );
    expect(operations).toHaveLength(17);
    for (const { path, method, operation } of operations) {
      expect({ path, method, summary: !!operation.summary, roles: operation['x-roles']?.length > 0 }).toEqual(
        {
          path,
          method,
          summary: true,
          roles: true,
        },
      );
    }
    const close = document.paths['/api/v1/cash-closes'].post;
    expect(Object.keys(close.responses)).toEqual(expect.arrayContaining(['201', '400', '403', '409', '422']));
    expect(close.responses['201'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/CashCloseDto',
    );
  });

  it('lists by day, type and doctor, sorted and paginated', async () => {
    const place = await newLocation('Barranco');
    await cashEntry(receptionist, { locationId: place, amount: '10.00', doctorId });
    await cashEntry(receptionist, {
      locationId: place,
      amount: '30.00',
      type: 'expense',
      concept: 'Insumos',
    });
    await cashEntry(receptionist, { locationId: place, amount: '20.00', method: 'card' });
    const amounts = async (path: string) =>
      (await receptionist.get(path)).body.items.map((item: { amount: string }) => item.amount);
    expect(await amounts(`/api/v1/transactions?locationId=${place}&sort=amount`)).toEqual([
      '10.00',
      '20.00',
      '30.00',
    ]);
    expect(await amounts(`/api/v1/transactions?locationId=${place}&sort=-amount&pageSize=2&page=2`)).toEqual([
      '10.00',
    ]);
    expect(await amounts(`/api/v1/transactions/type/expense?locationId=${place}`)).toEqual(['30.00']);
    expect(await amounts(`/api/v1/transactions/doctor/${doctorId}?locationId=${place}`)).toEqual(['10.00']);
    expect(await amounts(`/api/v1/transactions/date/${days.today}?locationId=${place}&method=card`)).toEqual([
      '20.00',
    ]);
    expect(
      await amounts(
        `/api/v1/transactions/date-range?from=${days.today}&to=${days.today}&locationId=${place}&sort=amount`,
      ),
    ).toEqual(['10.00', '20.00', '30.00']);
    const page = await receptionist.get(`/api/v1/transactions?locationId=${place}&pageSize=1`);
    expect(page.body).toMatchObject({ total: 3, page: 1, pageSize: 1 });

    expectProblem(await receptionist.get('/api/v1/transactions?sort=concept'), 400);
    expectProblem(await receptionist.get('/api/v1/transactions/type/refund'), 400);
    expectProblem(await receptionist.get('/api/v1/transactions/date/2027-02-30'), 400);
    expectProblem(await admin.get(`/api/v1/transactions/date-range?from=${days.today}`), 400);
    expectProblem(await admin.get(`/api/v1/transactions?from=${days.today}&to=${days.yesterday}`), 422);
  });

  it('refuses bad input with 400 and broken rules with 422, in the currency’s decimals', async () => {
    const entry = { type: 'income', concept: 'Consulta', amount: '10.00', method: 'cash', locationId };
    const bad: [Record<string, unknown>, string][] = [
      [{ concept: '' }, 'concept'],
      [{ amount: '-5' }, 'amount'],
      [{ amount: 10 }, 'amount'],
      [{ method: 'bitcoin' }, 'method'],
      [{ type: 'gift' }, 'type'],
      [{ locationId: 'sede' }, 'locationId'],
      [{ occurredAt: 'yesterday' }, 'occurredAt'],
      [{ cashierId: receptionistId }, 'cashierId'],
    ];
    for (const [change, field] of bad) {
      const problem = expectProblem(
        await receptionist.post('/api/v1/transactions', { ...entry, ...change }),
        400,
      );
      expect({ change, fields: problem.errors?.map((error) => error.field) }).toEqual({
        change,
        fields: expect.arrayContaining([field]),
      });
    }
    const refused: [Record<string, unknown>, string][] = [
      [{ amount: '0' }, 'invalid-amount'],
      [{ amount: '10.555' }, 'invalid-amount'],
      [{ occurredAt: new Date(Date.now() + 3_600_000).toISOString() }, 'entry-in-future'],
      [{ locationId: '00000000-0000-4000-8000-000000000001' }, 'unknown-location'],
      [{ doctorId: '00000000-0000-4000-8000-000000000002' }, 'unknown-doctor'],
      [{ patientId: '00000000-0000-4000-8000-000000000003' }, 'unknown-patient'],
      [{ adjustmentOfId: '00000000-0000-4000-8000-000000000004' }, 'unknown-entry'],
    ];
    for (const [change, slug] of refused) {
      const problem = expectProblem(
        await receptionist.post('/api/v1/transactions', { ...entry, ...change }),
        422,
      );
      expect({ change, type: problem.type }).toEqual({ change, type: `urn:consultorio:problem:${slug}` });
    }

    expect((await admin.put('/api/v1/settings', { currency: 'CLP' })).status).toBe(200);
    try {
      const decimals = expectProblem(
        await receptionist.post('/api/v1/transactions', { ...entry, amount: '1500.5' }),
        422,
      );
      expect(decimals.detail).toMatch(/CLP/);
      expect(decimals.errors).toEqual([expect.objectContaining({ field: 'amount' })]);
      const pesos = await cashEntry(receptionist, { ...entry, amount: '1500' });
      expect(pesos.amount).toBe('1500');
      const daily = await receptionist.get(`/api/v1/transactions/daily-report?locationId=${locationId}`);
      expect(daily.body.currency).toBe('CLP');
      expect(daily.body.income).toMatch(/^\d+$/);
      // Voided so the other tests' totals in soles are not disturbed.
      await receptionist.request('DELETE', `/api/v1/transactions/${pesos.id}`);
    } finally {
      await admin.put('/api/v1/settings', { currency: 'PEN' });
    }
  });

  describe('daily close', () => {
    let place: string;
    let second: { id: string; http: Http };
    let kept: Record<string, any>;

    beforeAll(async () => {
      place = await newLocation('Sede Cierre');
      second = await staffAccount(admin, anonymous, 'caja.dos', 'receptionist');
    });

    it('expects the net of the posted entries per method and keeps what was counted', async () => {
      kept = await cashEntry(receptionist, { locationId: place, amount: '100.00' });
      await cashEntry(receptionist, { locationId: place, amount: '20.50', concept: 'Radiografía' });
      await cashEntry(receptionist, { locationId: place, amount: '15.00', type: 'expense', concept: 'Taxi' });
      await cashEntry(receptionist, { locationId: place, amount: '80.00', method: 'card' });
      const voided = await cashEntry(receptionist, { locationId: place, amount: '999.00' });
      await receptionist.request('DELETE', `/api/v1/transactions/${voided.id}`);
      await cashEntry(second.http, { locationId: place, amount: '7.00' });

      const preview = await receptionist.get(`/api/v1/cash-closes/preview?locationId=${place}`);
      expect(preview.status).toBe(200);
      expect(preview.body).toEqual({
        locationId: place,
        cashierId: receptionistId,
        businessDate: days.today,
        currency: 'PEN',
        count: 4,
        close: null,
        expected: [
          { method: 'cash', income: '120.50', expense: '15.00', net: '105.50' },
          { method: 'card', income: '80.00', expense: '0.00', net: '80.00' },
          { method: 'transfer', income: '0.00', expense: '0.00', net: '0.00' },
          { method: 'yape_plin', income: '0.00', expense: '0.00', net: '0.00' },
          { method: 'insurer', income: '0.00', expense: '0.00', net: '0.00' },
        ],
      });

      const closed = await receptionist.post('/api/v1/cash-closes', {
        locationId: place,
        counted: [
          { method: 'card', counted: '80' },
          { method: 'cash', counted: '100.00' },
        ],
        notes: 'Faltan 5.50',
      });
      expect(closed.status).toBe(201);
      expect(closed.body).toMatchObject({
        locationId: place,
        locationName: 'Sede Cierre',
        cashierId: receptionistId,
        cashierName: 'Rocío Recepción',
        businessDate: days.today,
        currency: 'PEN',
        expected: '185.50',
        counted: '180.00',
        difference: '-5.50',
        notes: 'Faltan 5.50',
        closedById: receptionistId,
        lines: [
          { method: 'cash', expected: '105.50', counted: '100.00', difference: '-5.50' },
          { method: 'card', expected: '80.00', counted: '80.00', difference: '0.00' },
          { method: 'transfer', expected: '0.00', counted: '0.00', difference: '0.00' },
          { method: 'yape_plin', expected: '0.00', counted: '0.00', difference: '0.00' },
          { method: 'insurer', expected: '0.00', counted: '0.00', difference: '0.00' },
        ],
      });
      expect((await receptionist.get(`/api/v1/cash-closes/${closed.body.id}`)).body).toEqual(closed.body);
      expect((await receptionist.get(`/api/v1/cash-closes/preview?locationId=${place}`)).body.close).toEqual(
        closed.body,
      );
      const listed = await receptionist.get(`/api/v1/cash-closes?locationId=${place}`);
      expect(listed.body).toMatchObject({ total: 1, items: [closed.body] });
      const daily = await receptionist.get(`/api/v1/transactions/daily-report?locationId=${place}`);
      expect(daily.body.closes).toEqual([closed.body]);
      const [audit] = await api.sql<{ changes: Record<string, { after: unknown }> }>(
        `SELECT changes FROM audit_log WHERE entity = 'cash_close' AND entity_id = $1`,
        [closed.body.id],
      );
      expect(audit.changes['difference'].after).toBe('-5.50');
    });

    it('locks the closed drawer-day: no new entry, change, void or second close', async () => {
      const earlierToday = localTime(days, days.today, '00:00');
      const late = expectProblem(
        await receptionist.post('/api/v1/transactions', {
          type: 'income',
          concept: 'Tarde',
          amount: '5.00',
          method: 'cash',
          locationId: place,
          occurredAt: earlierToday,
        }),
        422,
      );
      expect(late).toMatchObject({
        type: 'urn:consultorio:problem:cash-day-closed',
        detail: expect.stringMatching(CLOSED_DAY),
      });
      for (const response of [
        await receptionist.patch(`/api/v1/transactions/${kept.id}`, { concept: 'Otro' }),
        await receptionist.request('DELETE', `/api/v1/transactions/${kept.id}`),
        await admin.patch(`/api/v1/transactions/${kept.id}`, { amount: '1.00' }),
      ]) {
        expect(expectProblem(response, 422).detail).toMatch(CLOSED_DAY);
      }
      // Not even behind the API's back.
      await expect(
        api.sql(`UPDATE cash_transactions SET comment = 'x' WHERE id = $1`, [kept.id]),
      ).rejects.toThrow(/is closed/);
      const again = expectProblem(
        await receptionist.post('/api/v1/cash-closes', {
          locationId: place,
          counted: [{ method: 'cash', counted: '0' }],
        }),
        409,
      );
      expect(again.type).toBe('urn:consultorio:problem:cash-day-closed');
      expect((await api.sql(`SELECT 1 FROM cash_closes WHERE location_id = $1`, [place])).length).toBe(1);

      // Another cashier's drawer at the same place and day is still open, and an admin closes it.
      const other = await cashEntry(second.http, {
        locationId: place,
        amount: '3.00',
        occurredAt: earlierToday,
      });
      expect(other.businessDate).toBe(days.today);
      const theirs = await admin.get(
        `/api/v1/cash-closes/preview?locationId=${place}&cashierId=${second.id}`,
      );
      expect(theirs.body.expected[0]).toEqual({
        method: 'cash',
        income: '10.00',
        expense: '0.00',
        net: '10.00',
      });
      const byAdmin = await admin.post('/api/v1/cash-closes', {
        locationId: place,
        cashierId: second.id,
        counted: [{ method: 'cash', counted: '10' }],
      });
      expect(byAdmin.status).toBe(201);
      expect(byAdmin.body).toMatchObject({ cashierId: second.id, closedById: adminId, difference: '0.00' });
    });

    it('counts every entry written while it closes, and lets none in after it', async () => {
      const race = await newLocation('Sede Carrera');
      const entries = Array.from({ length: 20 }, (_, index) =>
        receptionist.post('/api/v1/transactions', {
          type: 'income',
          concept: 'Carrera',
          amount: `${index + 1}.00`,
          method: 'cash',
          locationId: race,
        }),
      );
      const closing = receptionist.post('/api/v1/cash-closes', {
        locationId: race,
        counted: [{ method: 'cash', counted: '0' }],
      });
      const [closed, ...results] = await Promise.all([closing, ...entries]);
      expect(closed.status).toBe(201);
      const accepted = results.filter((response) => response.status === 201);
      for (const refused of results.filter((response) => response.status !== 201)) {
        expect(expectProblem(refused, 422).type).toBe('urn:consultorio:problem:cash-day-closed');
      }
      const sum = accepted.reduce((total, response) => total.plus(response.body.amount), new Big(0));
      expect(closed.body.lines[0]).toMatchObject({ method: 'cash', expected: sum.toFixed(2) });
      const [held] = await api.sql<{ total: string }>(
        `SELECT coalesce(sum(amount), 0)::text AS total FROM cash_transactions WHERE location_id = $1 AND status = 'posted'`,
        [race],
      );
      expect(new Big(held.total).toFixed(2)).toBe(closed.body.expected);
    });

    it('corrects a closed day with an adjustment booked today in the caller’s drawer', async () => {
      // The admin's own drawer of yesterday: an entry, then the close.
      const past = await cashEntry(admin, {
        locationId: place,
        amount: '40.00',
        concept: 'Consulta',
        occurredAt: localTime(days, days.yesterday, '18:00'),
      });
      expect(past).toMatchObject({ businessDate: days.yesterday, cashierId: adminId });
      const open = expectProblem(
        await receptionist.post('/api/v1/transactions', {
          type: 'expense',
          concept: 'Corrección',
          amount: '4.00',
          method: 'cash',
          locationId,
          adjustmentOfId: past.id,
        }),
        422,
      );
      expect(open.type).toBe('urn:consultorio:problem:adjustment-of-open-day');
      expect(
        (
          await admin.post('/api/v1/cash-closes', {
            locationId: place,
            date: days.yesterday,
            counted: [{ method: 'cash', counted: '36.00' }],
          })
        ).status,
      ).toBe(201);
      expectProblem(await admin.patch(`/api/v1/transactions/${past.id}`, { amount: '36.00' }), 422);

      const adjustment = await receptionist.post('/api/v1/transactions', {
        type: 'expense',
        concept: 'Corrección consulta de ayer',
        amount: '4.00',
        method: 'cash',
        locationId,
        adjustmentOfId: past.id,
      });
      expect(adjustment.status).toBe(201);
      expect(adjustment.body).toMatchObject({
        adjustmentOfId: past.id,
        businessDate: days.today,
        cashierId: receptionistId,
        locationId,
      });
      const dated = expectProblem(
        await receptionist.post('/api/v1/transactions', {
          type: 'expense',
          concept: 'Corrección',
          amount: '4.00',
          method: 'cash',
          locationId,
          adjustmentOfId: past.id,
          occurredAt: localTime(days, days.yesterday, '18:00'),
        }),
        422,
      );
      expect(dated.type).toBe('urn:consultorio:problem:adjustment-booked-now');
    });

    it('refuses closes of the future, counted twice, or not in the currency', async () => {
      const body = { locationId: place, cashierId: adminId, counted: [{ method: 'cash', counted: '1.00' }] };
      expect(
        expectProblem(await admin.post('/api/v1/cash-closes', { ...body, date: days.tomorrow }), 422).type,
      ).toBe('urn:consultorio:problem:close-in-future');
      const twice = { ...body, counted: [body.counted[0], body.counted[0]] };
      expectProblem(await admin.post('/api/v1/cash-closes', twice), 422);
      expectProblem(
        await admin.post('/api/v1/cash-closes', { ...body, counted: [{ method: 'cash', counted: '1.001' }] }),
        422,
      );
      expectProblem(await admin.post('/api/v1/cash-closes', { ...body, counted: [] }), 400);
      expectProblem(
        await admin.post('/api/v1/cash-closes', {
          ...body,
          locationId: '00000000-0000-4000-8000-000000000005',
        }),
        422,
      );
    });
  });

  it('keeps the front desk to today and to its own drawer', async () => {
    const mine = await cashEntry(receptionist, { locationId, amount: '12.00', concept: 'Propia' });
    const adminsToday = await cashEntry(admin, { locationId, amount: '13.00', concept: 'Del admin' });
    const adminsPast = await cashEntry(admin, {
      locationId,
      amount: '14.00',
      occurredAt: localTime(days, days.yesterday),
    });
    const forbiddenReads = [
      `/api/v1/transactions?from=${days.yesterday}`,
      `/api/v1/transactions?to=${days.yesterday}`,
      `/api/v1/transactions/date/${days.yesterday}`,
      `/api/v1/transactions/date-range?from=${days.yesterday}&to=${days.today}`,
      `/api/v1/transactions/daily-report?date=${days.yesterday}`,
      `/api/v1/transactions/${adminsPast.id}`,
      `/api/v1/cash-closes?from=${days.yesterday}`,
      `/api/v1/cash-closes/preview?locationId=${locationId}&date=${days.yesterday}`,
      `/api/v1/transactions/summary`,
      `/api/v1/transactions/monthly-report`,
      `/api/v1/transactions/doctor-production`,
    ];
    for (const path of forbiddenReads) {
      const problem = expectProblem(await receptionist.get(path), 403);
      expect({ path, detail: problem.detail }).toEqual({ path, detail: expect.any(String) });
    }
    expect(
      expectProblem(await receptionist.get(`/api/v1/transactions/date/${days.yesterday}`), 403).detail,
    ).toMatch(/today/);
    // Without a range, the front desk gets today's entries.
    const listed = await receptionist.get(`/api/v1/transactions?locationId=${locationId}&pageSize=100`);
    const ids = listed.body.items.map((item: { id: string }) => item.id);
    expect(ids).toEqual(expect.arrayContaining([mine.id, adminsToday.id]));
    expect(ids).not.toContain(adminsPast.id);
    expect(
      (await admin.get(`/api/v1/transactions?from=${days.yesterday}&locationId=${locationId}`)).body.items,
    ).toContainEqual(expect.objectContaining({ id: adminsPast.id }));

    const yesterday = expectProblem(
      await receptionist.post('/api/v1/transactions', {
        type: 'income',
        concept: 'Ayer',
        amount: '1.00',
        method: 'cash',
        locationId,
        occurredAt: localTime(days, days.yesterday),
      }),
      403,
    );
    expect(yesterday.detail).toMatch(/today/);
    expectProblem(
      await receptionist.patch(`/api/v1/transactions/${adminsToday.id}`, { concept: 'Mía' }),
      403,
    );
    expectProblem(await receptionist.request('DELETE', `/api/v1/transactions/${adminsToday.id}`), 403);
    const othersClose = expectProblem(
      await receptionist.post('/api/v1/cash-closes', {
        locationId,
        cashierId: adminId,
        counted: [{ method: 'cash', counted: '0' }],
      }),
      403,
    );
    expect(othersClose.detail).toMatch(/own drawer/);
    expectProblem(
      await receptionist.post('/api/v1/cash-closes', {
        locationId,
        date: days.yesterday,
        counted: [{ method: 'cash', counted: '0' }],
      }),
      403,
    );
    // Doctors do not use the cash register.
    expectProblem(await doctor.get('/api/v1/transactions'), 403);
    expectProblem(
      await doctor.post('/api/v1/cash-closes', { locationId, counted: [{ method: 'cash', counted: '0' }] }),
      403,
    );
  });
  describe('doctor production', () => {
    let otherDoctorId: string;

    /** An issued invoice of `doctor` with one tax-free line of `amount`. */
    async function issued(doctor: string, amount: string, client = receptionist) {
      const draft = await client.post('/api/v1/invoices', {
        patientId: patientIds[1],
        locationId,
        doctorId: doctor,
        items: [{ kind: 'free', description: 'Tratamiento', quantity: '1', unitPrice: amount, taxRate: '0' }],
      });
      if (draft.status !== 201) throw new Error(draft.text);
      const done = await client.post(`/api/v1/invoices/${draft.body.id}/issue`);
      if (done.status !== 200) throw new Error(done.text);
      expect(done.body.total).toBe(amount);
      return done.body as { id: string; total: string };
    }
    const pay = async (invoiceId: string, body: Record<string, unknown>, client = receptionist) => {
      const paid = await client.post(`/api/v1/invoices/${invoiceId}/payments`, { method: 'cash', ...body });
      if (paid.status !== 201) throw new Error(paid.text);
      return paid.body as { transactionId: string };
    };
    const credit = async (invoiceId: string, amount: string, refundMethod?: string) => {
      const note = await receptionist.post(`/api/v1/invoices/${invoiceId}/credit-notes`, {
        reason: 'Corrección',
        items: [{ kind: 'free', description: 'Tratamiento', quantity: '1', unitPrice: amount, taxRate: '0' }],
        ...(refundMethod ? { refundMethod } : {}),
      });
      if (note.status !== 201) throw new Error(note.text);
    };

    beforeAll(async () => {
      const specialtyId = (await admin.get(`/api/v1/doctors/${doctorId}`)).body.specialtyIds[0];
      const other = await staffAccount(admin, anonymous, 'dr.ortiz', 'doctor');
      otherDoctorId = (
        await admin.post('/api/v1/doctors', {
          userId: other.id,
          licenseNumber: 'COP-2',
          specialtyIds: [specialtyId],
          locationIds: [locationId],
          color: '#43a047',
        })
      ).body.id;

      // Doctor A: two invoices (300), credits of 60 (with a refund of 10) and 30, paid 150 − 10.
      const first = await issued(doctorId, '200.00');
      const paid = await pay(first.id, { amount: '150.00' });
      await credit(first.id, '60.00', 'cash');
      const second = await issued(doctorId, '100.00');
      await credit(second.id, '30.00');
      // Neither a draft nor a void invoice counts.
      await receptionist.post('/api/v1/invoices', {
        patientId: patientIds[1],
        locationId,
        doctorId,
        items: [{ kind: 'free', description: 'Borrador', quantity: '1', unitPrice: '500', taxRate: '0' }],
      });
      const voided = await issued(doctorId, '70.00');
      expect((await admin.post(`/api/v1/invoices/${voided.id}/void`, { reason: 'Error' })).status).toBe(200);
      // Doctor B: one invoice today, paid (by an admin) with yesterday's date.
      const theirs = await issued(otherDoctorId, '80.00');
      await pay(theirs.id, { amount: '80.00', paidAt: localTime(days, days.yesterday) }, admin);

      // The entry a payment wrote follows its payment: not changed or voided by hand.
      for (const response of [
        await receptionist.patch(`/api/v1/transactions/${paid.transactionId}`, { amount: '1.00' }),
        await admin.request('DELETE', `/api/v1/transactions/${paid.transactionId}`),
      ]) {
        const problem = expectProblem(response, 422);
        expect(problem).toMatchObject({ type: 'urn:consultorio:problem:payment-entry' });
        expect(problem.detail).toMatch(/through its invoice/);
      }
    });

    it('sums billed, credited and collected per doctor over clinic-local dates', async () => {
      const today = await admin.get(
        `/api/v1/transactions/doctor-production?from=${days.today}&to=${days.today}`,
      );
      expect(today.status).toBe(200);
      expect(today.body).toEqual([
        {
          doctorId: otherDoctorId,
          doctorName: 'Cuenta dr.ortiz',
          invoices: 1,
          billed: '80.00',
          credited: '0.00',
          collected: '0.00',
        },
        {
          doctorId,
          doctorName: 'Dra. Daniela Núñez',
          invoices: 2,
          billed: '300.00',
          credited: '90.00',
          collected: '140.00',
        },
      ]);
      const before = await admin.get(
        `/api/v1/transactions/doctor-production?from=${days.yesterday}&to=${days.yesterday}`,
      );
      expect(before.body).toEqual([
        {
          doctorId: otherDoctorId,
          doctorName: 'Cuenta dr.ortiz',
          invoices: 0,
          billed: '0.00',
          credited: '0.00',
          collected: '80.00',
        },
      ]);
      const elsewhere = await newLocation('Surco');
      expect(
        (
          await admin.get(
            `/api/v1/transactions/doctor-production?from=${days.today}&to=${days.today}&locationId=${elsewhere}`,
          )
        ).body,
      ).toEqual([]);

      const month = days.today.slice(0, 7);
      const lastDay = new Date(
        Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0),
      ).getUTCDate();
      const monthly = await admin.get(`/api/v1/transactions/monthly-report?month=${month}`);
      const production = await admin.get(
        `/api/v1/transactions/doctor-production?from=${month}-01&to=${month}-${String(lastDay).padStart(2, '0')}`,
      );
      expect(monthly.body.doctors).toEqual(production.body);
      expect(monthly.body.doctors).toContainEqual(expect.objectContaining({ doctorId, billed: '300.00' }));
    });

    it('shows a doctor their own production only', async () => {
      const range = `from=${days.today}&to=${days.today}`;
      const own = await doctor.get(`/api/v1/transactions/doctor-production?${range}`);
      expect(own.status).toBe(200);
      expect(own.body).toEqual([expect.objectContaining({ doctorId, billed: '300.00' })]);
      expect(
        (await doctor.get(`/api/v1/transactions/doctor-production?${range}&doctorId=${doctorId}`)).body,
      ).toEqual(own.body);
      const others = expectProblem(
        await doctor.get(`/api/v1/transactions/doctor-production?${range}&doctorId=${otherDoctorId}`),
        403,
      );
      expect(others.detail).toMatch(/own production/);
      const withoutProfile = await staffAccount(admin, anonymous, 'dr.sin.perfil', 'doctor');
      const none = await withoutProfile.http.get(`/api/v1/transactions/doctor-production?${range}`);
      expect(none).toMatchObject({ status: 200, body: [] });
      expectProblem(await receptionist.get(`/api/v1/transactions/doctor-production?${range}`), 403);
      expectProblem(
        await doctor.get(`/api/v1/transactions/doctor-production?from=${days.today}&to=${days.yesterday}`),
        422,
      );
    });
  });
});
