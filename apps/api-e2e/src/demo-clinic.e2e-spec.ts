import { Http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('the demo clinic', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ SEED_DEMO_CLINIC: 'true' });
  });
  afterAll(() => api.close());

  it('has 2 locations, 6 doctors with hours, 20 treatments and 300 patients with accented names', async () => {
    const [counts] = await api.sql<Record<string, number>>(`
      SELECT (SELECT count(*) FROM locations)::int AS locations, (SELECT count(*) FROM doctors)::int AS doctors,
             (SELECT count(*) FROM treatments)::int AS treatments, (SELECT count(*) FROM patients)::int AS patients,
             (SELECT count(DISTINCT doctor_id) FROM working_hours)::int AS doctors_with_hours`);
    expect(counts).toEqual({
      locations: 2,
      doctors: 6,
      treatments: 20,
      patients: 300,
      doctors_with_hours: 6,
    });
    const [{ names }] = await api.sql<{ names: number }>(
      `SELECT count(DISTINCT (first_names, last_names))::int AS names FROM patients`,
    );
    expect(names).toBe(300);
    const genders = await api.sql<{ first_names: string; gender: string }>(
      `SELECT DISTINCT first_names, gender FROM patients WHERE first_names IN ('José', 'María') ORDER BY 1`,
    );
    expect(genders).toEqual([
      { first_names: 'José', gender: 'male' },
      { first_names: 'María', gender: 'female' },
    ]);
    const receptionist = await new Http(api.baseUrl).loggedIn('receptionist');
    const found = await receptionist.get('/api/v1/patients/search?q=nunez');
    expect(found.body.length).toBeGreaterThan(0);
    expect(found.body[0].fullName).toMatch(/Núñez/);
  });

  it('has appointments six weeks back and ahead in every status, never overlapping', async () => {
    const statuses = await api.sql<{ status: string; past: boolean }>(
      `SELECT DISTINCT status, starts_at < now() AS past FROM appointments ORDER BY 1, 2`,
    );
    const seen = new Set(statuses.map((row) => row.status));
    for (const status of ['scheduled', 'confirmed', 'completed', 'cancelled', 'no_show'])
      expect(seen).toContain(status);
    expect(statuses.some((row) => row.past)).toBe(true);
    expect(statuses.some((row) => !row.past)).toBe(true);
    const [{ total }] = await api.sql<{ total: number }>(`SELECT count(*)::int AS total FROM appointments`);
    expect(total).toBeGreaterThan(1000);
    const [{ overlaps }] = await api.sql<{ overlaps: number }>(
      `SELECT count(*)::int AS overlaps FROM appointments a JOIN appointments b
          ON a.doctor_id = b.doctor_id AND a.id < b.id AND a.period && b.period
       WHERE a.status NOT IN ('cancelled', 'no_show') AND b.status NOT IN ('cancelled', 'no_show')`,
    );
    expect(overlaps).toBe(0);
  });

  it('books every appointment inside its doctor’s hours, on clinic-local days and times', async () => {
    // The database's own session time zone must not leak into the seed: Lima's 09:00 is 14:00 UTC.
    const misplaced = await api.sql<{ problem: string; count: number }>(
      `SELECT appointment_schedule_problem(doctor_id, starts_at, ends_at, location_id) AS problem, count(*)::int AS count
         FROM appointments
        WHERE appointment_schedule_problem(doctor_id, starts_at, ends_at, location_id) IS NOT NULL
        GROUP BY 1`,
    );
    expect(misplaced).toEqual([]);
    const hours = await api.sql<{ hour: number }>(
      `SELECT DISTINCT extract(hour FROM starts_at AT TIME ZONE 'America/Lima')::int AS hour FROM appointments ORDER BY 1`,
    );
    expect(hours.map((row) => row.hour)).toEqual([9, 10, 11, 12, 14, 15, 16, 17, 18]);
  });

  it('lets the demo doctor log in and see their own agenda', async () => {
    const doctor = await new Http(api.baseUrl).loggedIn('carlos.mendoza');
    const agenda = await doctor.get('/api/v1/appointments?pageSize=5');
    expect(agenda.body.total).toBeGreaterThan(0);
    expect(new Set(agenda.body.items.map((item: { doctorName: string }) => item.doctorName))).toEqual(
      new Set(['Dr. Carlos Mendoza']),
    );
  });

  it('links the demo patient account to a patient record with upcoming visits, and shows only those', async () => {
    const patient = await new Http(api.baseUrl).loggedIn('patient');
    const mine = await patient.get('/api/v1/appointments?pageSize=100');
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThan(0);
    const [linked] = await api.sql<{ id: string; full_name: string }>(
      `SELECT p.id, u.full_name FROM patients p JOIN users u ON u.id = p.user_id WHERE u.username = 'patient'`,
    );
    expect(new Set(mine.body.items.map((item: { patientId: string }) => item.patientId))).toEqual(
      new Set([linked.id]),
    );
    expect(mine.body.items[0].patientName).toBe(linked.full_name);
  });

  it('runs once: a restart seeds nothing more', async () => {
    const { DemoClinicSeeder } = await import('@consultorio/api/demo');
    expect(await api.app.get(DemoClinicSeeder).seedIfEmpty()).toBe(false);
  });
});
