import { expectProblem, Http } from './support/http';
import { setUpClinic, type TestClinic } from './support/clinic';
import { startTestApp, type TestApp } from './support/test-app';

const at = (localTime: string, date = '2027-03-01') => `${date}T${localTime}:00-05:00`;

describe('a patient’s care record', () => {
  let api: TestApp;
  let admin: Http;
  let receptionist: Http;
  let doctor: Http;
  let clinic: TestClinic;
  let patientId: string;
  let appointmentId: string;

  beforeAll(async () => {
    api = await startTestApp();
    const http = new Http(api.baseUrl);
    admin = await http.loggedIn('admin');
    receptionist = await http.loggedIn('receptionist');
    doctor = await http.loggedIn('doctor');
    clinic = await setUpClinic(admin, receptionist);
    patientId = clinic.patientIds[0];
    const booked = await receptionist.post('/api/v1/appointments', {
      patientId,
      doctorId: clinic.doctorId,
      locationId: clinic.locationId,
      treatmentId: clinic.treatmentId,
      start: at('09:00'),
    });
    appointmentId = booked.body.id;
  });
  afterAll(() => api.close());

  it('lets the doctor see the patients they treat, and no others', async () => {
    const mine = (await doctor.get('/api/v1/patients')).body.items.map(
      (patient: { id: string }) => patient.id,
    );
    expect(mine).toEqual([patientId]);
    expect((await doctor.get(`/api/v1/patients/${patientId}`)).status).toBe(200);
    expectProblem(await doctor.get(`/api/v1/patients/${clinic.patientIds[1]}`), 404);
  });

  it('takes notes only once the patient has checked in, from the appointment’s doctor', async () => {
    const early = await doctor.post(`/api/v1/patients/${patientId}/history`, {
      appointmentId,
      diagnosis: 'Caries',
    });
    expect(expectProblem(early, 422).errors?.[0]).toMatchObject({ code: 'attended' });
    await receptionist.patch(`/api/v1/appointments/${appointmentId}/status`, { status: 'checked_in' });
    expectProblem(
      await receptionist.post(`/api/v1/patients/${patientId}/history`, { appointmentId, diagnosis: 'x' }),
      403,
    );
    const wrongPatient = await doctor.post(`/api/v1/patients/${clinic.patientIds[1]}/history`, {
      appointmentId,
      diagnosis: 'x',
    });
    expectProblem(wrongPatient, 422);

    const note = await doctor.post(`/api/v1/patients/${patientId}/history`, {
      appointmentId,
      diagnosis: 'Caries en pieza 36',
      treatment: 'Resina compuesta',
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({
      doctorName: 'Dra. Daniela Núñez',
      diagnosis: 'Caries en pieza 36',
      notes: null,
    });
    const corrected = await doctor.patch(`/api/v1/patients/${patientId}/history/${note.body.id}`, {
      notes: 'Control en 6 meses',
    });
    expect(corrected.body).toMatchObject({ diagnosis: 'Caries en pieza 36', notes: 'Control en 6 meses' });
  });

  it('shows the history to admins and the treating doctor, never to receptionists, and audits every read', async () => {
    expectProblem(await receptionist.get(`/api/v1/patients/${patientId}/history`), 403);
    const seen = await admin.get(`/api/v1/patients/${patientId}/history`);
    expect(seen.body.items).toEqual([expect.objectContaining({ treatment: 'Resina compuesta' })]);
    expect((await doctor.get(`/api/v1/patients/${patientId}/history`)).body.total).toBe(1);
    expectProblem(await doctor.get(`/api/v1/patients/${clinic.patientIds[2]}/history`), 404);
    const reads = await api.sql<{ action: string; actor_role: string }>(
      `SELECT action, actor_role FROM audit_log WHERE entity = 'clinical_history' AND entity_id = $1 ORDER BY id`,
      [patientId],
    );
    expect(reads).toEqual([
      { action: 'read', actor_role: 'admin' },
      { action: 'read', actor_role: 'doctor' },
    ]);
    const writes = await api.sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'clinical_note' ORDER BY id`,
    );
    expect(writes.map((row) => row.action)).toEqual(['create', 'update']);
  });

  it('derives last and next appointment and counts', async () => {
    await receptionist.patch(`/api/v1/appointments/${appointmentId}/status`, { status: 'completed' });
    const next = await receptionist.post('/api/v1/appointments', {
      patientId,
      doctorId: clinic.doctorId,
      locationId: clinic.locationId,
      treatmentId: clinic.treatmentId,
      start: at('10:00', '2027-03-08'),
    });
    const stats = (await receptionist.get(`/api/v1/patients/${patientId}/appointments/stats`)).body;
    expect(stats).toMatchObject({
      booked: 2,
      completed: 1,
      noShow: 0,
      cancelled: 0,
      nextAppointment: next.body.start,
    });
    // The completed visit is in 2027: not "last" until it is in the past.
    expect(stats.lastAppointment).toBeNull();
    const list = await receptionist.get(`/api/v1/patients/${patientId}/appointments?sort=start`);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([appointmentId, next.body.id]);
  });
});
