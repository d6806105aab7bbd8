import { expectProblem, Http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('clinic settings and catalogs', () => {
  let api: TestApp;
  let admin: Http;
  let receptionist: Http;

  beforeAll(async () => {
    api = await startTestApp();
    const http = new Http(api.baseUrl);
    admin = await http.loggedIn('admin');
    receptionist = await http.loggedIn('receptionist');
  });
  afterAll(() => api.close());

  it('has clinic settings with Peruvian defaults, readable by every role', async () => {
    const patient = await new Http(api.baseUrl).loggedIn('patient');
    const settings = (await patient.get('/api/v1/settings')).body;
    expect(settings).toMatchObject({
      timeZone: 'America/Lima',
      currency: 'PEN',
      taxRate: '0.1800',
      slotGranularityMinutes: 15,
      cancellationPolicyHours: 24,
      reminderOffsetsHours: [24],
    });
  });

  it('validates and audits settings changes', async () => {
    const bad = expectProblem(
      await admin.put('/api/v1/settings', {
        timeZone: 'Mars/Olympus',
        currency: 'SOL',
        slotGranularityMinutes: 7,
      }),
      400,
    );
    expect(bad.errors?.map((error) => error.field).sort()).toEqual([
      'currency',
      'slotGranularityMinutes',
      'timeZone',
    ]);
    const updated = await admin.put('/api/v1/settings', {
      name: 'Clínica Dental Sonrisa',
      timeZone: 'America/Santiago',
      currency: 'CLP',
      reminderOffsetsHours: [24, 2],
    });
    expect(updated.body).toMatchObject({
      name: 'Clínica Dental Sonrisa',
      timeZone: 'America/Santiago',
      currency: 'CLP',
    });
    const [row] = await api.sql<{ changes: Record<string, unknown> }>(
      `SELECT changes FROM audit_log WHERE entity = 'clinic_settings' ORDER BY id DESC LIMIT 1`,
    );
    expect(row.changes['timeZone']).toEqual({ before: 'America/Lima', after: 'America/Santiago' });
    expectProblem(await receptionist.put('/api/v1/settings', { name: 'x' }), 403);
  });

  it('creates, searches (accent- and case-insensitive), updates and deletes a catalog entry', async () => {
    const created = await admin.post('/api/v1/specialties', { name: 'Ortodoncia Estética' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Ortodoncia Estética', active: true });
    const duplicate = expectProblem(
      await admin.post('/api/v1/specialties', { name: 'ORTODONCIA ESTÉTICA' }),
      409,
    );
    expect(duplicate.errors).toEqual([expect.objectContaining({ field: 'name', code: 'unique' })]);

    const found = await receptionist.get('/api/v1/specialties?q=estetica');
    expect(found.body.items.map((item: { name: string }) => item.name)).toEqual(['Ortodoncia Estética']);

    const renamed = await admin.patch(`/api/v1/specialties/${created.body.id}`, { name: 'Ortodoncia' });
    expect(renamed.body.name).toBe('Ortodoncia');
    expect((await admin.request('DELETE', `/api/v1/specialties/${created.body.id}`)).status).toBe(204);
    expectProblem(await admin.get(`/api/v1/specialties/${created.body.id}`), 404);
    const actions = await api.sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'specialty' AND entity_id = $1 ORDER BY id`,
      [created.body.id],
    );
    expect(actions.map((row) => row.action)).toEqual(['create', 'update', 'delete']);
  });

  it('keeps prices exact and references valid', async () => {
    const specialty = (await admin.post('/api/v1/specialties', { name: 'Odontología general' })).body;
    const treatment = await admin.post('/api/v1/treatments', {
      name: 'Limpieza dental',
      specialtyId: specialty.id,
      durationMinutes: 45,
      price: '120.50',
    });
    expect(treatment.status).toBe(201);
    expect(treatment.body).toMatchObject({
      price: '120.50',
      durationMinutes: 45,
      requiredResourceType: null,
    });

    const float = expectProblem(
      await admin.post('/api/v1/treatments', {
        name: 'X',
        specialtyId: specialty.id,
        durationMinutes: 30,
        price: 0.1,
      }),
      400,
    );
    expect(float.errors?.[0]).toMatchObject({ field: 'price' });
    const missing = await admin.post('/api/v1/treatments', {
      name: 'Y',
      specialtyId: '5b0d1c2e-8a44-4f7e-9d53-0c6a1f3e9b21',
      durationMinutes: 30,
      price: '10',
    });
    expect(expectProblem(missing, 409).errors?.[0]).toMatchObject({
      field: 'specialtyId',
      code: 'reference',
    });

    // In use: it cannot be deleted, but it can be deactivated and filtered out.
    const inUse = expectProblem(await admin.request('DELETE', `/api/v1/specialties/${specialty.id}`), 409);
    expect(inUse.detail).toMatch(/in use/);
    await admin.patch(`/api/v1/specialties/${specialty.id}`, { active: false });
    const active = await receptionist.get('/api/v1/specialties?active=true');
    expect(active.body.items.map((item: { id: string }) => item.id)).not.toContain(specialty.id);
    const bySpecialty = await receptionist.get(`/api/v1/treatments?specialtyId=${specialty.id}`);
    expect(bySpecialty.body.items.map((item: { name: string }) => item.name)).toEqual(['Limpieza dental']);
  });

  it('names resources uniquely per location and filters them by location and type', async () => {
    const lima = (
      await admin.post('/api/v1/locations', { name: 'Sede Miraflores', address: 'Av. Larco 123' })
    ).body;
    const surco = (
      await admin.post('/api/v1/locations', { name: 'Sede Surco', address: 'Av. Primavera 456' })
    ).body;
    expect(
      (await admin.post('/api/v1/resources', { name: 'Sillón 1', locationId: lima.id, type: 'dental_chair' }))
        .status,
    ).toBe(201);
    expect(
      (
        await admin.post('/api/v1/resources', {
          name: 'Sillón 1',
          locationId: surco.id,
          type: 'dental_chair',
        })
      ).status,
    ).toBe(201);
    expectProblem(
      await admin.post('/api/v1/resources', { name: 'sillón 1', locationId: lima.id, type: 'room' }),
      409,
    );
    await admin.post('/api/v1/resources', { name: 'Consultorio A', locationId: lima.id, type: 'room' });
    const chairs = await receptionist.get(`/api/v1/resources?locationId=${lima.id}&type=dental_chair`);
    expect(chairs.body).toMatchObject({ total: 1, items: [{ name: 'Sillón 1', locationId: lima.id }] });
    expectProblem(await receptionist.get('/api/v1/resources?type=spaceship'), 400);
  });

  it('documents every catalog in the OpenAPI document with its own schemas', async () => {
    const document = (await admin.get('/api/docs-json')).body;
    const create = document.paths['/api/v1/treatments'].post;
    expect(create.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/CreateTreatmentDto',
    );
    const update = document.paths['/api/v1/treatments/{id}'].patch;
    expect(update.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/UpdateTreatmentDto',
    );
    expect(document.components.schemas.UpdateTreatmentDto.required ?? []).toEqual([]);
    const list = document.paths['/api/v1/resources'].get;
    expect(list.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(['q', 'active', 'locationId', 'type', 'page', 'pageSize', 'sort']),
    );
  });
});
