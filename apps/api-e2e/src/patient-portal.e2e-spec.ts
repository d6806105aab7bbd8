import { expectProblem, Http } from './support/http';
import { setUpClinic } from './support/clinic';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 3_600_000;

/** `YYYY-MM-DDTHH:mm:00-05:00` of a Lima wall-clock time (Lima keeps UTC−5 all year). */
function limaAt(date: Date, hour: number): string {
  const local = new Date(date.getTime() - 5 * HOUR).toISOString().slice(0, 10);
  return `${local}T${String(hour).padStart(2, '0')}:00:00-05:00`;
}

/** The first 09:00 or 15:00 in Lima at least an hour away: always within the next 24 hours. */
function soon(): string {
  const candidates = [0, 1].flatMap((days) =>
    [9, 15].map((hour) => limaAt(new Date(Date.now() + days * 24 * HOUR), hour)),
  );
  return candidates.filter((start) => new Date(start).getTime() > Date.now() + HOUR).sort()[0];
}

describe('patients on their own appointments', () => {
  let api: TestApp;
  let admin: Http;
  let receptionist: Http;
  let patient: Http;
  let patientUserId: string;
  let clinic: Awaited<ReturnType<typeof setUpClinic>>;

  const book = async (patientIndex: number, start: string) => {
    const response = await receptionist.post('/api/v1/appointments', {
      patientId: clinic.patientIds[patientIndex],
      doctorId: clinic.doctorId,
      locationId: clinic.locationId,
      treatmentId: clinic.treatmentId,
      start,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; start: string; status: string };
  };
  const farAhead = (days: number, hour = 9) => limaAt(new Date(Date.now() + days * 24 * HOUR), hour);

  beforeAll(async () => {
    api = await startTestApp();
    const http = new Http(api.baseUrl);
    admin = await http.loggedIn('admin');
    receptionist = await http.loggedIn('receptionist');
    patient = await http.loggedIn('patient');
    clinic = await setUpClinic(admin, receptionist);
    patientUserId = (await admin.get('/api/v1/users?role=patient')).body.items[0].id;
  });
  afterAll(() => api.close());

  it('links a patient record to one patient-role account', async () => {
    const receptionistId = (await admin.get('/api/v1/users?role=receptionist')).body.items[0].id;
    const wrong = await receptionist.patch(`/api/v1/patients/${clinic.patientIds[0]}`, {
      userId: receptionistId,
    });
    expect(expectProblem(wrong, 422).errors).toEqual([expect.objectContaining({ field: 'userId' })]);

    const linked = await receptionist.patch(`/api/v1/patients/${clinic.patientIds[0]}`, {
      userId: patientUserId,
    });
    expect(linked.status).toBe(200);
    expect(linked.body.userId).toBe(patientUserId);

    const twice = await receptionist.patch(`/api/v1/patients/${clinic.patientIds[1]}`, {
      userId: patientUserId,
    });
    expect(expectProblem(twice, 409).detail).toBe('That user account is already linked to another patient.');
  });

  it('shows a patient their own appointments only', async () => {
    const own = await book(0, farAhead(8));
    const other = await book(1, farAhead(8, 10));
    const list = await patient.get('/api/v1/appointments?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([own.id]);
    expect((await patient.get(`/api/v1/appointments/${own.id}`)).status).toBe(200);
    expectProblem(await patient.get(`/api/v1/appointments/${other.id}`), 404);
    // Staff-only views stay closed to patients.
    expectProblem(await patient.get(`/api/v1/appointments/patient/${clinic.patientIds[0]}`), 403);
    expectProblem(await patient.get(`/api/v1/appointments/date/${farAhead(8).slice(0, 10)}`), 403);
  });

  it('lets a patient move their appointment outside the policy window, time only', async () => {
    const own = await book(0, farAhead(9));
    const moved = await patient.put(`/api/v1/appointments/${own.id}`, { start: farAhead(9, 11) });
    expect(moved.status).toBe(200);
    expect(moved.body.start).toBe(new Date(farAhead(9, 11)).toISOString());

    const intoWindow = await patient.put(`/api/v1/appointments/${own.id}`, { start: soon() });
    expect(expectProblem(intoWindow, 422).type).toBe('urn:consultorio:problem:policy-window');
    expectProblem(
      await patient.put(`/api/v1/appointments/${own.id}`, {
        start: farAhead(9, 12),
        locationId: clinic.locationId,
      }),
      403,
    );
    const other = await book(1, farAhead(9, 14));
    expectProblem(await patient.put(`/api/v1/appointments/${other.id}`, { start: farAhead(9, 15) }), 404);

    const late = await book(0, soon());
    expect(
      expectProblem(await patient.put(`/api/v1/appointments/${late.id}`, { start: farAhead(12) }), 422).type,
    ).toBe('urn:consultorio:problem:policy-window');
    // Staff always can.
    expect((await receptionist.put(`/api/v1/appointments/${late.id}`, { start: farAhead(12) })).status).toBe(
      200,
    );
  });

  it('lets a patient confirm or cancel, but cancel only outside the policy window; staff always can', async () => {
    const far = await book(0, farAhead(10));
    expectProblem(
      await patient.patch(`/api/v1/appointments/${far.id}/status`, { status: 'checked_in' }),
      403,
    );
    const cancelled = await patient.patch(`/api/v1/appointments/${far.id}/status`, {
      status: 'cancelled',
      reason: 'Viaje de trabajo',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const [history] = await api.sql<{ actor_id: string }>(
      `SELECT actor_id FROM appointment_events WHERE appointment_id = $1 AND kind = 'status_changed'`,
      [far.id],
    );
    expect(history.actor_id).toBe(patientUserId);

    const late = await book(0, soon());
    const refused = await patient.patch(`/api/v1/appointments/${late.id}/status`, {
      status: 'cancelled',
      reason: 'No puedo ir',
    });
    expect(expectProblem(refused, 422).detail).toMatch(/up to 24 hours before/);
    expect((await receptionist.get(`/api/v1/appointments/${late.id}`)).body.status).toBe('scheduled');
    const confirmed = await patient.patch(`/api/v1/appointments/${late.id}/status`, { status: 'confirmed' });
    expect(confirmed.body.status).toBe('confirmed');
    const byStaff = await receptionist.patch(`/api/v1/appointments/${late.id}/status`, {
      status: 'cancelled',
      reason: 'El paciente llamó',
    });
    expect(byStaff.body.status).toBe('cancelled');
  });

  it('shows an account without a patient record nothing', async () => {
    await receptionist.patch(`/api/v1/patients/${clinic.patientIds[0]}`, { userId: null });
    const list = await patient.get('/api/v1/appointments');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(0);
  });
});
