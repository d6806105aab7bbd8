import { expectProblem, Http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('users admin', () => {
  let api: TestApp;
  let http: Http;
  let superadmin: Http;
  let admin: Http;

  const newUser = (name: string, role = 'receptionist') => ({
    email: `${name}@consultorio.test`,
    username: name,
    fullName: `Ñandú ${name}`,
    role,
    password: 'a-long-enough-secret',
  });

  beforeAll(async () => {
    api = await startTestApp();
    http = new Http(api.baseUrl);
    superadmin = await http.loggedIn('superadmin');
    admin = await http.loggedIn('admin');
  });
  afterAll(() => api.close());

  it('creates a user who can then log in; the password is stored as argon2id', async () => {
    const created = await admin.post('/api/v1/users', newUser('maria.lopez'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username: 'maria.lopez',
      role: 'receptionist',
      active: true,
      preferredLanguage: 'es',
    });
    expect(created.body.password).toBeUndefined();
    expect((await http.login('maria.lopez', 'a-long-enough-secret')).user.id).toBe(created.body.id);
  });

  it('refuses passwords shorter than 10 characters or equal to the e-mail', async () => {
    const short = expectProblem(
      await admin.post('/api/v1/users', { ...newUser('short.pw'), password: 'short' }),
      400,
    );
    expect(short.errors?.map((error) => error.field)).toEqual(['password']);
    const same = expectProblem(
      await admin.post('/api/v1/users', { ...newUser('same.pw'), password: 'same.pw@consultorio.test' }),
      400,
    );
    expect(same.errors?.[0]).toMatchObject({ field: 'password', code: 'isAllowedPassword' });
  });

  it('lists with search (accent- and case-insensitive), filters, sorting and pagination', async () => {
    for (const name of ['ana.quispe', 'beto.quispe', 'carla.quispe']) {
      await admin.post('/api/v1/users', newUser(name, 'doctor'));
    }
    const search = await admin.get('/api/v1/users?q=NANDU%20ana');
    expect(search.body.items.map((user: { username: string }) => user.username)).toEqual(['ana.quispe']);

    const doctors = await admin.get('/api/v1/users?role=doctor&sort=-username&pageSize=2');
    expect(doctors.body).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(doctors.body.items.map((user: { username: string }) => user.username)).toEqual([
      'doctor',
      'carla.quispe',
    ]);
    const page2 = await admin.get('/api/v1/users?role=doctor&sort=-username&pageSize=2&page=2');
    expect(page2.body.items.map((user: { username: string }) => user.username)).toEqual([
      'beto.quispe',
      'ana.quispe',
    ]);

    const all = await admin.get('/api/v1/users');
    expect(all.body.pageSize).toBe(20);
  });

  it('keeps admins away from superadmins', async () => {
    expectProblem(await admin.post('/api/v1/users', newUser('new.super', 'superadmin')), 403);
    const superId = (await superadmin.get('/api/v1/auth/profile')).body.id;
    expectProblem(await admin.patch(`/api/v1/users/${superId}`, { fullName: 'Hacked' }), 403);
    const receptionist = (await admin.post('/api/v1/users', newUser('to.promote'))).body;
    expectProblem(await admin.patch(`/api/v1/users/${receptionist.id}`, { role: 'superadmin' }), 403);
    expect((await superadmin.post('/api/v1/users', newUser('second.super', 'superadmin'))).status).toBe(201);
  });

  it('deactivation ends the user’s sessions and blocks login; reactivation restores login', async () => {
    const user = (await admin.post('/api/v1/users', newUser('pedro.rojas'))).body;
    const session = await http.login('pedro.rojas', 'a-long-enough-secret');
    const deactivated = await admin.patch(`/api/v1/users/${user.id}`, { active: false });
    expect(deactivated.body.active).toBe(false);
    expectProblem(await http.as(session.access_token).get('/api/v1/auth/profile'), 401);
    expectProblem(await http.post('/api/v1/auth/refresh', { refresh_token: session.refresh_token }), 401);
    expectProblem(
      await http.post('/api/v1/auth/login', { login: 'pedro.rojas', password: 'a-long-enough-secret' }),
      401,
    );
    expect(
      (await admin.get('/api/v1/users?active=false')).body.items.map((u: { id: string }) => u.id),
    ).toContain(user.id);
    await admin.patch(`/api/v1/users/${user.id}`, { active: true });
    expect((await http.login('pedro.rojas', 'a-long-enough-secret')).user.id).toBe(user.id);
  });

  it('an admin-set password ends the user’s sessions', async () => {
    const user = (await admin.post('/api/v1/users', newUser('olga.diaz'))).body;
    const session = await http.login('olga.diaz', 'a-long-enough-secret');
    expect((await admin.patch(`/api/v1/users/${user.id}`, { password: 'another-long-secret' })).status).toBe(
      200,
    );
    expectProblem(await http.as(session.access_token).get('/api/v1/auth/profile'), 401);
    expect((await http.login('olga.diaz', 'another-long-secret')).user.id).toBe(user.id);
  });

  it('nobody deactivates themselves', async () => {
    const me = (await admin.get('/api/v1/auth/profile')).body;
    const body = expectProblem(await admin.patch(`/api/v1/users/${me.id}`, { active: false }), 422);
    expect(body.errors?.[0]).toMatchObject({ field: 'active', code: 'selfDeactivation' });
  });

  it('a role change takes effect on the next request', async () => {
    const created = await admin.post('/api/v1/users', newUser('rosa.vega', 'admin'));
    expect(created.status).toBe(201);
    const user = created.body;
    const client = await http.loggedIn('rosa.vega', 'a-long-enough-secret');
    expect((await client.get('/api/v1/users')).status).toBe(200);
    await superadmin.patch(`/api/v1/users/${user.id}`, { role: 'receptionist' });
    const next = await client.get('/api/v1/users');
    expect([401, 403]).toContain(next.status);
  });
});

describe('roles', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('lists every role with what it may do, by stable key', async () => {
    const roles = (await (await new Http(api.baseUrl).loggedIn('patient')).get('/api/v1/roles')).body;
    expect(roles.map((role: { role: string }) => role.role)).toEqual([
      'superadmin',
      'admin',
      'receptionist',
      'doctor',
      'patient',
    ]);
    const superadmin = roles[0].permissions;
    expect(superadmin).toContainEqual({ key: 'audit.read', description: 'read the audit log' });
    for (const role of roles) {
      for (const permission of role.permissions) expect(permission.key).toMatch(/^[a-z]+\.[a-z-]+$/);
    }
  });
});
