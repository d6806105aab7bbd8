import { expectProblem, Http } from './support/http';
import { setUpClinic } from './support/clinic';
import { startTestApp, type TestApp } from './support/test-app';

// 2027-03-01 is a Monday; the clinic is in America/Lima (UTC−5, no DST): 09:00 local = 14:00Z.
const at = (localTime: string, date = '2027-03-01') => `${date}T${localTime}:00-05:00`;

describe('appointments', () => {
  let api: TestApp;
  let admin: Http;
  let receptionist: Http;
  let doctorId: string;
  let locationId: string;
  let treatmentId: string;
  let patientIds: string[];

  const book = (client: Http, start: string, extra: Record<string, unknown> = {}) =>
    client.post('/api/v1/appointments', {
      patientId: patientIds[0],
      doctorId,
      locationId,
      treatmentId,
      start,
      ...extra,
    });

  beforeAll(async () => {
    api = await startTestApp();
    const http = new Http(api.baseUrl);
    admin = await http.loggedIn('admin');
    receptionist = await http.loggedIn('receptionist');
    ({ doctorId, locationId, treatmentId, patientIds } = await setUpClinic(admin, receptionist));
  });
  afterAll(() => api.close());

  it('books within working hours, with history, domain event and audit', async () => {
    const created = await book(receptionist, at('09:00'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      start: '2027-03-01T14:00:00.000Z',
      end: '2027-03-01T14:30:00.000Z',
      status: 'scheduled',
      patientName: 'Paciente 0 Prueba',
      doctorName: 'Dra. Daniela Núñez',
      overbooked: false,
    });
    const [event] = await api.sql<{ type: string }>(
      `SELECT type FROM domain_events WHERE aggregate_id = $1`,
      [created.body.id],
    );
    expect(event.type).toBe('appointment.booked');
    const [history] = await api.sql<{ kind: string }>(
      `SELECT kind FROM appointment_events WHERE appointment_id = $1`,
      [created.body.id],
    );
    expect(history.kind).toBe('booked');
  });

  it('answers a booking with the same record a read returns, and writes it whole or not at all', async () => {
    const created = await book(receptionist, at('12:00', '2027-03-02'), { reason: 'Dolor', channel: 'api' });
    expect(created.status).toBe(201);
    const read = await receptionist.get(`/api/v1/appointments/${created.body.id}`);
    expect(created.body).toEqual(read.body);
    expect(created.body).toMatchObject({ reason: 'Dolor', channel: 'api', treatmentId, resourceId: null });

    const [written] = await api.sql<{
      payload: { appointment: unknown };
      details: unknown;
      changes: unknown;
    }>(
      `SELECT e.payload, h.details, l.changes
         FROM domain_events e
         JOIN appointment_events h ON h.appointment_id = e.aggregate_id
         JOIN audit_log l ON l.entity = 'appointment' AND l.entity_id = e.aggregate_id::text AND l.action = 'create'
        WHERE e.aggregate_id = $1`,
      [created.body.id],
    );
    expect(written.payload.appointment).toEqual(read.body);
    expect(written.details).toEqual({
      start: '2027-03-02T17:00:00.000Z',
      end: '2027-03-02T17:30:00.000Z',
      overbooked: false,
      overrideReason: null,
    });
    expect(written.changes).toEqual({ start: { before: null, after: '2027-03-02T17:00:00.000Z' } });

    // Each refusal says what is wrong, and leaves nothing behind.
    const count = async () =>
      (await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM appointments`))[0].n;
    const before = await count();
    const otherLocation = (await admin.post('/api/v1/locations', { name: 'San Isidro', address: 'Calle 2' }))
      .body.id;
    const chair = (
      await admin.post('/api/v1/resources', { name: 'Sillón 1', type: 'dental_chair', locationId })
    ).body.id;
    const room = (await admin.post('/api/v1/resources', { name: 'Sala 1', type: 'room', locationId })).body
      .id;
    const chairTreatment = (
      await admin.post('/api/v1/treatments', {
        name: 'Limpieza',
        specialtyId: (await admin.get(`/api/v1/doctors/${doctorId}`)).body.specialtyIds[0],
        durationMinutes: 45,
        price: '120.00',
        requiredResourceType: 'dental_chair',
      })
    ).body.id;
    const refusals: [Record<string, unknown>, number, string][] = [
      [{ doctorId: '00000000-0000-4000-8000-000000000001' }, 422, 'unknown-doctor'],
      [{ locationId: otherLocation }, 422, 'wrong-location'],
      [{ treatmentId: chairTreatment }, 422, 'resource-required'],
      [{ treatmentId: chairTreatment, resourceId: room }, 422, 'wrong-resource-type'],
      [{ resourceId: '00000000-0000-4000-8000-000000000002' }, 422, 'wrong-resource'],
      [{ treatmentId: undefined }, 422, 'duration-required'],
      [{ end: at('11:00', '2027-03-03') }, 422, 'time-order'],
      [{ patientId: '00000000-0000-4000-8000-000000000003' }, 409, 'reference-conflict'],
    ];
    for (const [extra, status, slug] of refusals) {
      const refused = await book(receptionist, at('12:00', '2027-03-03'), extra);
      expectProblem(refused, status);
      expect({ extra, type: refused.body.type }).toEqual({ extra, type: `urn:consultorio:problem:${slug}` });
    }
    expect(await count()).toBe(before);

    // With the chair, the 45-minute treatment books, and its end comes from the treatment.
    const withChair = await book(receptionist, at('12:00', '2027-03-03'), {
      treatmentId: chairTreatment,
      resourceId: chair,
    });
    expect(withChair.status).toBe(201);
    expect(withChair.body).toMatchObject({ resourceId: chair, end: '2027-03-03T17:45:00.000Z' });
  });

  it('allows back-to-back and answers 409 listing every overlapping appointment', async () => {
    expect((await book(receptionist, at('09:30'), { patientId: patientIds[1] })).status).toBe(201);
    const overlap = await book(receptionist, at('09:15'), { patientId: patientIds[2] });
    const body = expectProblem(overlap, 409) as { conflicts?: { start: string; on: string }[] };
    expect(body.conflicts?.map((conflict) => conflict.start)).toEqual([
      '2027-03-01T14:00:00.000Z',
      '2027-03-01T14:30:00.000Z',
    ]);
    expect(body.conflicts?.every((conflict) => conflict.on === 'doctor')).toBe(true);
  });

  it('50 concurrent overlapping bookings: exactly one wins, 49 get 409, and SQL finds no overlap', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        book(receptionist, at(`11:${String(index % 20).padStart(2, '0')}`), {
          patientId: patientIds[index % 3],
        }),
      ),
    );
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const [{ overlaps }] = await api.sql<{ overlaps: number }>(
      `SELECT count(*)::int AS overlaps FROM appointments a JOIN appointments b
          ON a.doctor_id = b.doctor_id AND a.id < b.id AND a.period && b.period
       WHERE a.status NOT IN ('cancelled', 'no_show') AND b.status NOT IN ('cancelled', 'no_show')
         AND NOT a.overbooked AND NOT b.overbooked`,
    );
    expect(overlaps).toBe(0);
  });

  it('refuses times outside working hours, blocks and holidays unless an admin overrides with a reason', async () => {
    expect(expectProblem(await book(receptionist, at('20:00')), 422).errors?.[0]).toMatchObject({
      code: 'outside_hours',
    });
    expect(expectProblem(await book(receptionist, at('07:45')), 422).errors?.[0]).toMatchObject({
      code: 'outside_hours',
    });
    await admin.post('/api/v1/holidays', { date: '2027-03-02', name: 'Feriado' });
    expect(expectProblem(await book(receptionist, at('10:00', '2027-03-02')), 422).errors?.[0]).toMatchObject(
      { code: 'holiday' },
    );
    await admin.post(`/api/v1/doctors/${doctorId}/schedule/blocks`, {
      kind: 'block',
      start: at('15:00'),
      end: at('16:00'),
    });
    expect(expectProblem(await book(receptionist, at('15:30')), 422).errors?.[0]).toMatchObject({
      code: 'blocked',
    });

    expectProblem(await book(receptionist, at('21:00'), { overrideReason: 'Urgencia' }), 403);
    const overridden = await book(admin, at('21:00'), { overrideReason: 'Urgencia' });
    expect(overridden.status).toBe(201);
    expect(overridden.body.overrideReason).toBe('Urgencia');
  });

  it('lets only admins and doctors overbook, flagged and outside the overlap rule', async () => {
    expectProblem(await book(receptionist, at('09:00'), { patientId: patientIds[2], overbooked: true }), 403);
    const overbooked = await book(admin, at('09:00'), { patientId: patientIds[2], overbooked: true });
    expect(overbooked.status).toBe(201);
    expect(overbooked.body.overbooked).toBe(true);
  });

  it('follows the transition table; a cancellation needs a reason and frees the slot', async () => {
    const appointment = (await book(receptionist, at('12:00'))).body;
    const path = `/api/v1/appointments/${appointment.id}/status`;
    expect(
      expectProblem(await receptionist.patch(path, { status: 'completed' }), 422).errors?.[0],
    ).toMatchObject({
      field: 'status',
    });
    expect((await receptionist.patch(path, { status: 'confirmed' })).body.status).toBe('confirmed');
    expectProblem(await receptionist.patch(path, { status: 'cancelled' }), 422);
    const cancelled = await receptionist.patch(path, { status: 'cancelled', reason: 'El paciente viaja' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'El paciente viaja' });
    expectProblem(await receptionist.patch(path, { status: 'confirmed' }), 422);
    expect((await book(receptionist, at('12:00'), { patientId: patientIds[1] })).status).toBe(201);
    const types = await api.sql<{ type: string }>(
      `SELECT type FROM domain_events WHERE aggregate_id = $1 ORDER BY id`,
      [appointment.id],
    );
    expect(types.map((row) => row.type)).toEqual([
      'appointment.booked',
      'appointment.status_changed',
      'appointment.cancelled',
    ]);
  });

  it('walks a visit: confirm, check in, complete; then it cannot move', async () => {
    const appointment = (await book(receptionist, at('13:00'))).body;
    const path = `/api/v1/appointments/${appointment.id}/status`;
    for (const status of ['confirmed', 'checked_in', 'completed']) {
      expect((await receptionist.patch(path, { status })).body.status).toBe(status);
    }
    expectProblem(
      await receptionist.put(`/api/v1/appointments/${appointment.id}`, { start: at('14:00') }),
      422,
    );
  });

  it('reschedules to a free time and refuses a taken one', async () => {
    const appointment = (await book(receptionist, at('16:00'))).body;
    const moved = await receptionist.put(`/api/v1/appointments/${appointment.id}`, {
      start: at('16:30'),
      reason: 'Pedido del paciente',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ start: '2027-03-01T21:30:00.000Z', end: '2027-03-01T22:00:00.000Z' });
    const taken = await receptionist.put(`/api/v1/appointments/${appointment.id}`, { start: at('09:10') });
    expect((expectProblem(taken, 409) as { conflicts?: unknown[] }).conflicts?.length).toBe(2);
    // Moving onto its own time (a small shift overlapping itself) is fine.
    expect(
      (await receptionist.put(`/api/v1/appointments/${appointment.id}`, { start: at('16:45') })).status,
    ).toBe(200);
    const [event] = await api.sql<{ details: { reason: string } }>(
      `SELECT details FROM appointment_events WHERE appointment_id = $1 AND kind = 'rescheduled' ORDER BY id LIMIT 1`,
      [appointment.id],
    );
    expect(event.details.reason).toBe('Pedido del paciente');
  });

  it('lists a clinic-local day, including a late-evening appointment that is the next day in UTC', async () => {
    const late = await book(admin, at('23:30'), { overrideReason: 'Guardia nocturna' });
    expect(late.body.start).toBe('2027-03-02T04:30:00.000Z');
    const day = (await receptionist.get('/api/v1/appointments/date/2027-03-01?pageSize=100')).body.items.map(
      (appointment: { id: string }) => appointment.id,
    );
    expect(day).toContain(late.body.id);
    const next = (await receptionist.get('/api/v1/appointments/date/2027-03-02?pageSize=100')).body.items;
    expect(next.map((appointment: { id: string }) => appointment.id)).not.toContain(late.body.id);
    expectProblem(await receptionist.get('/api/v1/appointments/date/2027-02-30'), 400);
  });

  it('keeps doctors to their own agenda', async () => {
    const doctor = await new Http(api.baseUrl).loggedIn('doctor');
    const own = await doctor.get('/api/v1/appointments?pageSize=100');
    expect(own.body.total).toBeGreaterThan(0);
    expect(
      own.body.items.every((appointment: { doctorId: string }) => appointment.doctorId === doctorId),
    ).toBe(true);

    const otherUser = await admin.post('/api/v1/users', {
      email: 'otro.doctor@consultorio.test',
      username: 'otro.doctor',
      fullName: 'Dr. Otro',
      role: 'doctor',
      password: 'a-long-enough-secret',
    });
    const other = await admin.post('/api/v1/doctors', {
      userId: otherUser.body.id,
      licenseNumber: 'COP-2',
      specialtyIds: [],
      locationIds: [locationId],
      color: '#43a047',
    });
    await admin.post(`/api/v1/doctors/${other.body.id}/schedule/hours`, {
      locationId,
      weekday: 1,
      start: '08:00',
      end: '20:00',
      validFrom: '2026-01-01',
    });
    expectProblem(await book(doctor, at('10:00'), { doctorId: other.body.id }), 403);
    const theirs = await book(receptionist, at('10:00'), { doctorId: other.body.id });
    expect(theirs.status).toBe(201);
    expectProblem(await doctor.get(`/api/v1/appointments/${theirs.body.id}`), 404);
    expectProblem(
      await doctor.patch(`/api/v1/appointments/${theirs.body.id}/status`, { status: 'confirmed' }),
      403,
    );
  });

  it('counts a doctor’s appointments by status over clinic-local days', async () => {
    const report = await admin.get(`/api/v1/doctors/${doctorId}/productivity?from=2027-03-01&to=2027-03-01`);
    expect(report.status).toBe(200);
    const [expected] = await api.sql<Record<string, number>>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'completed')::int AS completed,
              count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
         FROM appointments WHERE doctor_id = $1
          AND starts_at >= '2027-03-01T00:00:00-05:00' AND starts_at < '2027-03-02T00:00:00-05:00'`,
      [doctorId],
    );
    expect(report.body).toMatchObject({ from: '2027-03-01', to: '2027-03-01', ...expected });
    expect(report.body.completed).toBeGreaterThan(0);
    expect(report.body.attendedMinutes).toBe(report.body.completed * 30);
    expectProblem(await receptionist.get(`/api/v1/doctors/${doctorId}/productivity`), 403);
    expectProblem(await admin.get('/api/v1/doctors/5b0d1c2e-8a44-4f7e-9d53-0c6a1f3e9b21/productivity'), 404);
  });
});
