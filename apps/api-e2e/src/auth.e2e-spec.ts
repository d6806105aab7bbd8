import { expectProblem, Http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('auth', () => {
  let api: TestApp;
  let http: Http;

  beforeAll(async () => {
    api = await startTestApp();
    http = new Http(api.baseUrl);
  });
  afterAll(() => api.close());

  it('logs in by e-mail (any case) or username and answers the token shape', async () => {
    const byEmail = await http.post('/api/v1/auth/login', {
      login: 'ADMIN@Consultorio.test',
      password: 'consultorio-demo',
    });
    expect(byEmail.status).toBe(200);
    expect(byEmail.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 900,
      access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      refresh_token: expect.any(String),
      user: { username: 'admin', role: 'admin', email: 'admin@consultorio.test' },
    });
    expect(byEmail.body.user.passwordHash).toBeUndefined();
    const byUsername = await http.post('/api/v1/auth/login', {
      login: 'admin',
      password: 'consultorio-demo',
    });
    expect(byUsername.status).toBe(200);
    const [{ alg }] = [
      JSON.parse(Buffer.from(byUsername.body.access_token.split('.')[0], 'base64url').toString()),
    ];
    expect(alg).toBe('HS256');
  });

  it('gives the same answer for an unknown account and a wrong password, in similar time', async () => {
    const timed = async (login: string) => {
      const started = performance.now();
      const response = await http.post('/api/v1/auth/login', { login, password: 'wrong-password-123' });
      return { response, ms: performance.now() - started };
    };
    const unknown: number[] = [];
    const wrong: number[] = [];
    let lastUnknown;
    let lastWrong;
    for (let i = 0; i < 5; i++) {
      const a = await timed('nobody@consultorio.test');
      const b = await timed('admin@consultorio.test');
      unknown.push(a.ms);
      wrong.push(b.ms);
      lastUnknown = a.response;
      lastWrong = b.response;
    }
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expectProblem(lastUnknown!, 401);
    expectProblem(lastWrong!, 401);
    expect(strip(lastUnknown!.body)).toEqual(strip(lastWrong!.body));
    const median = (values: number[]) => values.sort((x, y) => x - y)[2];
    // Both paths verify an argon2id hash; without the dummy hash the unknown path would be ~100x faster.
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.4);
  });

  it('rotates refresh tokens and revokes the whole session when an old one is reused', async () => {
    const first = await http.login('receptionist');
    const second = await http.post('/api/v1/auth/refresh', { refresh_token: first.refresh_token });
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    const third = await http.post('/api/v1/auth/refresh', { refresh_token: second.body.refresh_token });
    expect(third.status).toBe(200);
    expect((await http.as(third.body.access_token).get('/api/v1/auth/profile')).status).toBe(200);

    // The first token comes back (stolen): refused, and every token of the session dies with it.
    expectProblem(await http.post('/api/v1/auth/refresh', { refresh_token: first.refresh_token }), 401);
    expectProblem(await http.post('/api/v1/auth/refresh', { refresh_token: third.body.refresh_token }), 401);
    expectProblem(await http.as(third.body.access_token).get('/api/v1/auth/profile'), 401);
    // Other sessions of the same user are untouched.
    const other = await http.login('receptionist');
    expect((await http.as(other.access_token).get('/api/v1/auth/profile')).status).toBe(200);
  });

  it('refuses unknown refresh tokens', async () => {
    expectProblem(await http.post('/api/v1/auth/refresh', { refresh_token: 'not-a-token' }), 401);
    expectProblem(await http.post('/api/v1/auth/refresh', {}), 400);
  });

  it('logs out: the access and refresh tokens of the session stop working', async () => {
    const session = await http.login('doctor');
    const client = http.as(session.access_token);
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    expectProblem(await client.get('/api/v1/auth/profile'), 401);
    expectProblem(await http.post('/api/v1/auth/refresh', { refresh_token: session.refresh_token }), 401);
  });

  it('reads and updates the profile, ignoring fields it does not own', async () => {
    const client = await http.loggedIn('patient');
    const profile = await client.get('/api/v1/auth/profile');
    expect(profile.body).toMatchObject({ username: 'patient', role: 'patient' });
    const updated = await client.put('/api/v1/auth/profile', {
      fullName: 'José Peña Núñez',
      preferredLanguage: 'en',
      phone: '+51 999 888 777',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      fullName: 'José Peña Núñez',
      preferredLanguage: 'en',
      phone: '+51 999 888 777',
    });
    const escalate = await client.put('/api/v1/auth/profile', { role: 'superadmin' });
    expect(expectProblem(escalate, 400).errors).toContainEqual(
      expect.objectContaining({ field: 'role', code: 'unknownField' }),
    );
    expect((await client.get('/api/v1/auth/profile')).body.role).toBe('patient');
  });

  it('changes the password: checks the current one and the rules, ends the other sessions only', async () => {
    const other = await http.login('doctor');
    const current = await http.login('doctor');
    const client = http.as(current.access_token);

    const wrong = await client.post('/api/v1/auth/password', {
      currentPassword: 'nope-nope-nope',
      newPassword: 'a-brand-new-secret',
    });
    expect(expectProblem(wrong, 422).errors?.[0]).toMatchObject({ field: 'currentPassword' });
    const short = await client.post('/api/v1/auth/password', {
      currentPassword: 'consultorio-demo',
      newPassword: 'short',
    });
    expect(expectProblem(short, 400).errors?.[0]).toMatchObject({ field: 'newPassword' });
    const sameAsEmail = await client.post('/api/v1/auth/password', {
      currentPassword: 'consultorio-demo',
      newPassword: 'doctor@consultorio.test',
    });
    expect(expectProblem(sameAsEmail, 422).errors?.[0]).toMatchObject({ field: 'newPassword' });

    const changed = await client.post('/api/v1/auth/password', {
      currentPassword: 'consultorio-demo',
      newPassword: 'a-brand-new-secret',
    });
    expect(changed.status).toBe(204);
    expect((await client.get('/api/v1/auth/profile')).status).toBe(200);
    expectProblem(await http.as(other.access_token).get('/api/v1/auth/profile'), 401);
    expectProblem(await http.post('/api/v1/auth/refresh', { refresh_token: other.refresh_token }), 401);
    expectProblem(
      await http.post('/api/v1/auth/login', { login: 'doctor', password: 'consultorio-demo' }),
      401,
    );
    expect(
      (await http.post('/api/v1/auth/login', { login: 'doctor', password: 'a-brand-new-secret' })).status,
    ).toBe(200);
    const [row] = await api.sql<{ password_hash: string }>(
      `SELECT password_hash FROM users WHERE username = 'doctor'`,
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});
