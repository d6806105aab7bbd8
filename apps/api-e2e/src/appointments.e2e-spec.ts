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
