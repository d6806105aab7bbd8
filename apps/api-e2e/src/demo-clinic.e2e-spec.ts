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

  it('has a billing history: numbered invoices, payments with their entries, past drawer-days closed', async () => {
    const [facts] = await api.sql<Record<string, number | boolean>>(`
      SELECT (SELECT count(*) FROM invoices WHERE status <> 'draft')::int AS issued,
             (SELECT count(*) FROM invoices WHERE status = 'partially_paid')::int AS partly,
             (SELECT count(*) FROM invoices WHERE status = 'issued')::int AS unpaid,
             (SELECT max(number) = count(*) AND min(number) = 1 FROM invoices) AS gapless,
             (SELECT next_number - 1 FROM invoice_series WHERE code = 'F001')::int AS last_number,
             (SELECT count(*) FROM payments p JOIN cash_transactions t ON t.id = p.transaction_id
               WHERE t.amount = p.amount AND t.type = 'income')::int AS paid_entries,
             (SELECT count(*) FROM payments)::int AS payments,
             (SELECT count(*) FROM cash_closes)::int AS closes,
             (SELECT count(*) FROM cash_close_lines WHERE difference < 0)::int AS short`);
    expect(facts['issued']).toBeGreaterThan(100);
    expect(facts['partly']).toBeGreaterThan(0);
    expect(facts['unpaid']).toBeGreaterThan(0);
    expect(facts['gapless']).toBe(true);
    expect(facts['last_number']).toBe(facts['issued']);
    expect(facts['paid_entries']).toBe(facts['payments']);
    expect(facts['closes']).toBeGreaterThan(20);
    expect(facts['short']).toBeGreaterThan(0);
    // The seeded figures agree with the API's own pricing and the closes with the entries.
    const receptionist = await new Http(api.baseUrl).loggedIn('receptionist');
    const listed = (await receptionist.get('/api/v1/invoices?pageSize=1&sort=number')).body.items[0];
    const full = (await receptionist.get(`/api/v1/invoices/${listed.id}`)).body;
    expect(full.code).toBe('F001-00000001');
    expect(full.items[0].total).toBe(full.total);
    const [mismatch] = await api.sql<{ n: number }>(`
      SELECT count(*)::int AS n FROM cash_close_lines l JOIN cash_closes c ON c.id = l.close_id
       WHERE l.expected <> coalesce((SELECT sum(CASE WHEN t.type = 'income' THEN t.amount ELSE -t.amount END)
                                       FROM cash_transactions t
                                      WHERE t.location_id = c.location_id AND t.cashier_id = c.cashier_id
                                        AND t.business_date = c.business_date AND t.method = l.method), 0)`);
    expect(mismatch.n).toBe(0);
  });

  it('runs once: a restart seeds nothing more', async () => {
    const { DemoClinicSeeder } = await import('@consultorio/api/demo');
    expect(await api.app.get(DemoClinicSeeder).seedIfEmpty()).toBe(false);
  });
});
