import { expectProblem, Http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('doctors and schedules', () => {
  let api: TestApp;
  let admin: Http;
  let receptionist: Http;
  let doctorUserId: string;
  let specialtyId: string;
  let miraflores: string;
  let surco: string;
  let doctorId: string;

  beforeAll(async () => {
    api = await startTestApp();
    const http = new Http(api.baseUrl);
    admin = await http.loggedIn('admin');
    receptionist = await http.loggedIn('receptionist');
    doctorUserId = (await admin.get('/api/v1/users?role=doctor')).body.items[0].id;
    specialtyId = (await admin.post('/api/v1/specialties', { name: 'Ortodoncia' })).body.id;
    miraflores = (await admin.post('/api/v1/locations', { name: 'Miraflores', address: 'Av. Larco 1' })).body
      .id;
    surco = (await admin.post('/api/v1/locations', { name: 'Surco', address: 'Av. Primavera 2' })).body.id;
  });
  afterAll(() => api.close());

  it('creates a doctor profile for a user with the doctor role only', async () => {
    const receptionistId = (await admin.get('/api/v1/users?role=receptionist')).body.items[0].id;
    const notDoctor = await admin.post('/api/v1/doctors', {
      userId: receptionistId,
      licenseNumber: 'CMP-1',
      specialtyIds: [],
      locationIds: [],
      color: '#1e88e5',
    });
    expect(expectProblem(notDoctor, 422).errors?.[0]).toMatchObject({ field: 'userId' });

    const created = await admin.post('/api/v1/doctors', {
      userId: doctorUserId,
      licenseNumber: 'COP-12345',
      specialtyIds: [specialtyId],
      locationIds: [miraflores],
      consultationFee: '150.00',
      color: '#1e88e5',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      fullName: 'Dra. Daniela Núñez',
      specialtyIds: [specialtyId],
      locationIds: [miraflores],
      consultationFee: '150.00',
      available: true,
    });
    doctorId = created.body.id;
    const again = await admin.post('/api/v1/doctors', {
      userId: doctorUserId,
      licenseNumber: 'OTHER-1',
      specialtyIds: [],
      locationIds: [],
      color: '#000000',
    });
    expect(expectProblem(again, 409).detail).toBe('That user already has a doctor profile.');
  });

  it('lists doctors with filters, for every staff role', async () => {
    const bySpecialty = await receptionist.get(`/api/v1/doctors?specialtyId=${specialtyId}&q=nunez`);
    expect(bySpecialty.body.items.map((doctor: { id: string }) => doctor.id)).toEqual([doctorId]);
    const elsewhere = await receptionist.get(`/api/v1/doctors?locationId=${surco}`);
    expect(elsewhere.body.total).toBe(0);
  });

  it('keeps weekly hours at the doctor’s locations and never overlapping', async () => {
    const monday = await admin.post(`/api/v1/doctors/${doctorId}/schedule/hours`, {
      locationId: miraflores,
      weekday: 1,
      start: '09:00',
      end: '13:00',
      validFrom: '2026-01-01',
    });
    expect(monday.status).toBe(201);
    expect(monday.body).toMatchObject({
      weekday: 1,
      start: '09:00',
      end: '13:00',
      validFrom: '2026-01-01',
      validTo: null,
    });
    expect(
      (
        await admin.post(`/api/v1/doctors/${doctorId}/schedule/hours`, {
          locationId: miraflores,
          weekday: 1,
          start: '14:00',
          end: '18:00',
          validFrom: '2026-01-01',
        })
      ).status,
    ).toBe(201);

    const overlap = await admin.post(`/api/v1/doctors/${doctorId}/schedule/hours`, {
      locationId: miraflores,
      weekday: 1,
      start: '12:00',
      end: '15:00',
      validFrom: '2026-06-01',
    });
    expect(expectProblem(overlap, 409).detail).toMatch(/overlaps another working range/);
    const wrongLocation = await admin.post(`/api/v1/doctors/${doctorId}/schedule/hours`, {
      locationId: surco,
      weekday: 2,
      start: '09:00',
      end: '13:00',
    });
    expect(expectProblem(wrongLocation, 409).detail).toMatch(/does not work at that location/);
    const backwards = await admin.post(`/api/v1/doctors/${doctorId}/schedule/hours`, {
      locationId: miraflores,
      weekday: 3,
      start: '13:00',
      end: '09:00',
    });
    expectProblem(backwards, 422);
    expectProblem(
      await admin.post(`/api/v1/doctors/${doctorId}/schedule/hours`, {
        locationId: miraflores,
        weekday: 8,
        start: '25:00',
        end: '26:00',
      }),
      400,
    );
    // Back-to-back ranges touch without overlapping; a range valid only before another starts is fine.
    expect(
      (
        await admin.post(`/api/v1/doctors/${doctorId}/schedule/hours`, {
          locationId: miraflores,
          weekday: 1,
          start: '13:00',
          end: '14:00',
          validFrom: '2026-01-01',
        })
      ).status,
    ).toBe(201);
  });

  it('refuses to drop a location that still has working hours', async () => {
    const response = await admin.patch(`/api/v1/doctors/${doctorId}`, { locationIds: [surco] });
    expectProblem(response, 409);
    const kept = await admin.patch(`/api/v1/doctors/${doctorId}`, {
      locationIds: [miraflores, surco],
      color: '#43a047',
    });
    expect(kept.body).toMatchObject({
      color: '#43a047',
      locationIds: expect.arrayContaining([miraflores, surco]),
    });
  });

  it('adds special hours, blocks and holidays, and shows the schedule', async () => {
    const special = await admin.post(`/api/v1/doctors/${doctorId}/schedule/special-hours`, {
      locationId: surco,
      date: '2099-03-14',
      start: '08:00',
      end: '12:00',
    });
    expect(special.status).toBe(201);
    const block = await admin.post(`/api/v1/doctors/${doctorId}/schedule/blocks`, {
      kind: 'vacation',
      start: '2099-02-01T05:00:00Z',
      end: '2099-02-15T05:00:00Z',
      reason: 'Vacaciones',
    });
    expect(block.body).toMatchObject({
      kind: 'vacation',
      start: '2099-02-01T05:00:00.000Z',
      end: '2099-02-15T05:00:00.000Z',
    });
    const holiday = await admin.post('/api/v1/holidays', { date: '2099-07-28', name: 'Fiestas Patrias' });
    expect(holiday.status).toBe(201);
    expect(
      expectProblem(await admin.post('/api/v1/holidays', { date: '2099-07-28', name: 'Otra' }), 409).detail,
    ).toBe('That date is already a holiday.');

    const schedule = (await receptionist.get(`/api/v1/doctors/${doctorId}/schedule`)).body;
    expect(schedule.weekly.map((range: { start: string }) => range.start)).toEqual([
      '09:00',
      '13:00',
      '14:00',
    ]);
    expect(schedule.specialHours).toEqual([
      expect.objectContaining({ date: '2099-03-14', start: '08:00', end: '12:00' }),
    ]);
    expect(schedule.blocks).toEqual([expect.objectContaining({ reason: 'Vacaciones' })]);
    expect((await receptionist.get('/api/v1/holidays?from=2099-01-01')).body.items).toEqual([
      { id: holiday.body.id, date: '2099-07-28', name: 'Fiestas Patrias' },
    ]);

    expect(
      (await admin.request('DELETE', `/api/v1/doctors/${doctorId}/schedule/blocks/${block.body.id}`)).status,
    ).toBe(204);
    expectProblem(
      await admin.request('DELETE', `/api/v1/doctors/${doctorId}/schedule/blocks/${block.body.id}`),
      404,
    );
    expect((await admin.request('DELETE', `/api/v1/holidays/${holiday.body.id}`)).status).toBe(204);
    const audited = await api.sql<{ entity: string; action: string }>(
      `SELECT entity, action FROM audit_log WHERE entity IN ('schedule_block', 'holiday') ORDER BY id`,
    );
    expect(audited).toEqual([
      { entity: 'schedule_block', action: 'create' },
      { entity: 'holiday', action: 'create' },
      { entity: 'schedule_block', action: 'delete' },
      { entity: 'holiday', action: 'delete' },
    ]);
  });
});
