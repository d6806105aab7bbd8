import { expectProblem, Http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('patients', () => {
  let api: TestApp;
  let receptionist: Http;

  const names = (response: { body: { fullName: string }[] | { items: { fullName: string }[] } }) =>
    (Array.isArray(response.body) ? response.body : response.body.items).map((patient) => patient.fullName);

  beforeAll(async () => {
    api = await startTestApp();
    receptionist = await new Http(api.baseUrl).loggedIn('receptionist');
    const people = [
      {
        firstNames: 'José Luis',
        lastNames: 'Núñez Peña',
        documentType: 'dni',
        documentNumber: '4567 8912',
        phone: '+51 987 654 321',
      },
      { firstNames: 'María', lastNames: 'Quispe Mamani', email: 'maria.quispe@correo.pe' },
      {
        firstNames: 'Ángela',
        lastNames: 'Nuñovero Ríos',
        documentType: 'rut',
        documentNumber: '12.345.678-5',
      },
      { firstNames: 'Josefina', lastNames: 'Pérez', phone: '01 444 5555' },
    ];
    for (const person of people) {
      const response = await receptionist.post('/api/v1/patients', person);
      if (response.status !== 201) throw new Error(response.text);
    }
  });
  afterAll(() => api.close());

  it('finds "jose nunez" as José Luis Núñez (accents and case ignored)', async () => {
    expect(names(await receptionist.get('/api/v1/patients/search?q=jose%20nunez'))).toEqual([
      'José Luis Núñez Peña',
    ]);
    expect(names(await receptionist.get('/api/v1/patients/search?q=NUÑEZ'))[0]).toBe('José Luis Núñez Peña');
  });

  it('tolerates typos: "Nuñes" finds Núñez', async () => {
    expect(names(await receptionist.get('/api/v1/patients/search?q=Nu%C3%B1es'))).toContain(
      'José Luis Núñez Peña',
    );
    expect(names(await receptionist.get('/api/v1/patients/search?q=quispi'))).toContain(
      'María Quispe Mamani',
    );
  });

  it('finds by document (dots and spaces ignored), phone digits and e-mail', async () => {
    expect(names(await receptionist.get('/api/v1/patients/search?q=45678912'))).toEqual([
      'José Luis Núñez Peña',
    ]);
    expect(names(await receptionist.get('/api/v1/patients/search?q=12345678-5'))).toEqual([
      'Ángela Nuñovero Ríos',
    ]);
    expect(names(await receptionist.get('/api/v1/patients/search?q=654321'))).toEqual([
      'José Luis Núñez Peña',
    ]);
    expect(names(await receptionist.get('/api/v1/patients/search?q=maria.quispe@'))).toEqual([
      'María Quispe Mamani',
    ]);
  });

  it('ranks the closest match first and treats wildcards literally', async () => {
    const josefina = names(await receptionist.get('/api/v1/patients/search?q=josefina'));
    expect(josefina[0]).toBe('Josefina Pérez');
    expect(names(await receptionist.get('/api/v1/patients/search?q=%25%25'))).toEqual([]);
    expectProblem(await receptionist.get('/api/v1/patients/search?q=a'), 400);
  });

  it('stores document numbers normalised and unique per type', async () => {
    const [stored] = await api.sql<{ document_number: string }>(
      `SELECT document_number FROM patients WHERE last_names = 'Núñez Peña'`,
    );
    expect(stored.document_number).toBe('45678912');
    const duplicate = await receptionist.post('/api/v1/patients', {
      firstNames: 'Otro',
      lastNames: 'Paciente',
      documentType: 'dni',
      documentNumber: '45.678.912',
    });
    expect(expectProblem(duplicate, 409).errors?.map((error) => error.field)).toEqual([
      'documentType',
      'documentNumber',
    ]);
    const halfDocument = await receptionist.post('/api/v1/patients', {
      firstNames: 'A',
      lastNames: 'B',
      documentNumber: '99887766',
    });
    expectProblem(halfDocument, 422);
  });

  it('lists with search and filters, paginated, without clinical fields', async () => {
    const list = await receptionist.get('/api/v1/patients?q=nu&pageSize=1&sort=lastNames');
    expect(list.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(list.body.items[0].allergies).toBeUndefined();
    expectProblem(await receptionist.get('/api/v1/patients?status=deceased'), 400);
  });

  it('audits reads and writes of a patient record', async () => {
    const created = await receptionist.post('/api/v1/patients', {
      firstNames: 'Rosa',
      lastNames: 'Villanueva',
      allergies: 'Penicilina',
      birthDate: '1980-02-29',
    });
    expect(created.body).toMatchObject({
      allergies: 'Penicilina',
      birthDate: '1980-02-29',
      status: 'active',
      gender: 'unspecified',
    });
    await receptionist.patch(`/api/v1/patients/${created.body.id}`, { status: 'inactive' });
    expect((await receptionist.get(`/api/v1/patients/${created.body.id}`)).body.status).toBe('inactive');
    const actions = await api.sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'patient' AND entity_id = $1 ORDER BY id`,
      [created.body.id],
    );
    expect(actions.map((row) => row.action)).toEqual(['create', 'update', 'read']);
    expectProblem(
      await receptionist.post('/api/v1/patients', {
        firstNames: 'X',
        lastNames: 'Y',
        birthDate: '1980-02-30',
      }),
      400,
    );
  });

  it('shows a doctor only the patients they treat, and keeps patients out', async () => {
    const http = new Http(api.baseUrl);
    const doctor = await http.loggedIn('doctor');
    // This doctor account has no profile and no appointments: nobody.
    expect((await doctor.get('/api/v1/patients')).body.total).toBe(0);
    expect((await doctor.get('/api/v1/patients/search?q=jose')).body).toEqual([]);
    expectProblem(await doctor.post('/api/v1/patients', { firstNames: 'A', lastNames: 'B' }), 403);
    expectProblem(await (await http.loggedIn('patient')).get('/api/v1/patients/search?q=jose'), 403);
  });
});
