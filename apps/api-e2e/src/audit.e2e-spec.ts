import { expectProblem, Http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('audit log', () => {
  let api: TestApp;
  let http: Http;
  let superadmin: Http;

  beforeAll(async () => {
    api = await startTestApp();
    http = new Http(api.baseUrl);
    superadmin = await http.loggedIn('superadmin');
  });
  afterAll(() => api.close());

  it('records a create with actor, ip, request id and the new values, secrets masked', async () => {
    const me = (await superadmin.get('/api/v1/auth/profile')).body;
    const created = await superadmin.request(
      'POST',
      '/api/v1/users',
      {
        email: 'luis@consultorio.test',
        username: 'luis',
        fullName: 'Luis Huamán',
        role: 'doctor',
        password: 'a-long-enough-secret',
      },
      { headers: { 'x-request-id': 'audit-create-1' } },
    );
    expect(created.status).toBe(201);
    const [row] = await api.sql<Record<string, any>>(
      `SELECT * FROM audit_log WHERE entity = 'user' AND entity_id = $1 AND action = 'create'`,
      [created.body.id],
    );
    expect(row).toMatchObject({
      actor_id: me.id,
      actor_role: 'superadmin',
      request_id: 'audit-create-1',
      ip: '127.0.0.1',
    });
    expect(row.changes.email).toEqual({ before: null, after: 'luis@consultorio.test' });
    expect(row.changes.passwordHash).toEqual({ before: null, after: '***' });
    expect(JSON.stringify(row.changes)).not.toContain('argon2');
  });

  it('records an update with only the changed fields, before and after', async () => {
    const user = (await superadmin.get('/api/v1/users?q=luis')).body.items[0];
    await superadmin.patch(`/api/v1/users/${user.id}`, { fullName: 'Luis Huamán Quispe', phone: user.phone });
    const rows = await api.sql<Record<string, any>>(
      `SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'update'`,
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].changes).toEqual({ fullName: { before: 'Luis Huamán', after: 'Luis Huamán Quispe' } });
  });

  it('writes nothing when the change fails (same transaction)', async () => {
    const [{ count: before }] = await api.sql<{ count: string }>(`SELECT count(*) FROM audit_log`);
    const duplicate = await superadmin.post('/api/v1/users', {
      email: 'LUIS@consultorio.test',
      username: 'luis2',
      fullName: 'Otro Luis',
      role: 'doctor',
      password: 'a-long-enough-secret',
    });
    expectProblem(duplicate, 409);
    const [{ count: after }] = await api.sql<{ count: string }>(`SELECT count(*) FROM audit_log`);
    expect(after).toBe(before);
    expect(await api.sql(`SELECT 1 FROM users WHERE username = 'luis2'`)).toHaveLength(0);
  });

  it('records logins, logouts and password changes', async () => {
    const session = await http.login('receptionist');
    const client = http.as(session.access_token);
    await client.post('/api/v1/auth/password', {
      currentPassword: 'consultorio-demo',
      newPassword: 'new-reception-secret',
    });
    await client.post('/api/v1/auth/logout');
    const actions = (
      await api.sql<{ action: string }>(`SELECT action FROM audit_log WHERE actor_id = $1 ORDER BY id`, [
        session.user.id,
      ])
    ).map((row) => row.action);
    expect(actions).toEqual(['login', 'password_change', 'logout']);
  });

  it('lets the superadmin browse it with filters, newest first', async () => {
    const me = (await superadmin.get('/api/v1/auth/profile')).body;
    const page = await superadmin.get(
      `/api/v1/audit-log?actorId=${me.id}&entity=user&action=create&pageSize=5`,
    );
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeGreaterThan(0);
    for (const entry of page.body.items)
      expect(entry).toMatchObject({ actorId: me.id, entity: 'user', action: 'create' });
    const all = (await superadmin.get('/api/v1/audit-log?pageSize=100')).body.items.map(
      (entry: { at: string }) => entry.at,
    );
    expect(all).toEqual([...all].sort().reverse());
    const future = await superadmin.get(
      `/api/v1/audit-log?from=${encodeURIComponent('2999-01-01T00:00:00Z')}`,
    );
    expect(future.body).toMatchObject({ items: [], total: 0 });
    expectProblem(await superadmin.get('/api/v1/audit-log?from=yesterday'), 400);
    expectProblem(await (await http.loggedIn('admin')).get('/api/v1/audit-log'), 403);
  });
});
