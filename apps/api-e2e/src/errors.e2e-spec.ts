import { expectProblem, Http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('bad input never reaches a 500', () => {
  let api: TestApp;
  let admin: Http;

  beforeAll(async () => {
    api = await startTestApp({ BODY_LIMIT_BYTES: '65536' });
    admin = await new Http(api.baseUrl).loggedIn('admin');
  });
  afterAll(() => api.close());

  const validUser = (suffix: string) => ({
    email: `user.${suffix}@consultorio.test`,
    username: `user.${suffix}`,
    fullName: 'Lucía Fernández',
    role: 'receptionist',
    password: 'a-long-enough-secret',
  });

  it('malformed JSON → 400', async () => {
    const response = await admin.request('POST', '/api/v1/users', undefined, {
      raw: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(expectProblem(response, 400).detail).toMatch(/JSON/i);
  });

  it('unknown fields → 400 naming each of them', async () => {
    const body = expectProblem(
      await admin.post('/api/v1/users', { ...validUser('a'), isAdmin: true, extra: 1 }),
      400,
    );
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'isAdmin', code: 'unknownField' }),
        expect.objectContaining({ field: 'extra', code: 'unknownField' }),
      ]),
    );
  });

  it('wrong types and values → 400 per field', async () => {
    const body = expectProblem(
      await admin.post('/api/v1/users', { ...validUser('b'), email: 42, role: 'emperor', fullName: ['x'] }),
      400,
    );
    const fields = body.errors?.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'role', 'fullName']));
  });

  it('a JSON array or scalar instead of an object → 400', async () => {
    expectProblem(await admin.post('/api/v1/users', [1, 2]), 400);
    expectProblem(await admin.post('/api/v1/users', 'text'), 400);
  });

  it('an empty body → 400', async () => {
    expectProblem(
      await admin.request('POST', '/api/v1/users', undefined, {
        headers: { 'content-type': 'application/json' },
      }),
      400,
    );
  });

  it('a huge body → 413', async () => {
    const response = await admin.post('/api/v1/users', { ...validUser('c'), fullName: 'x'.repeat(200_000) });
    expectProblem(response, 413);
  });

  it('a body that is not JSON → 415', async () => {
    const response = await admin.request('POST', '/api/v1/users', undefined, {
      raw: 'email=a@b.c',
      headers: { 'content-type': 'text/xml' },
    });
    expectProblem(response, 415);
  });

  it('bad ids and query parameters → 400', async () => {
    expectProblem(await admin.get('/api/v1/users/not-a-uuid'), 400);
    expectProblem(await admin.get("/api/v1/users/1' OR '1'='1"), 400);
    expectProblem(await admin.get('/api/v1/users?page=abc'), 400);
    expectProblem(await admin.get('/api/v1/users?page=0'), 400);
    expectProblem(await admin.get('/api/v1/users?pageSize=1000'), 400);
    expectProblem(await admin.get('/api/v1/users?sort=password_hash'), 400);
    expectProblem(await admin.get('/api/v1/users?sort=-fullName;DROP'), 400);
    expectProblem(await admin.get('/api/v1/users?active=maybe'), 400);
    expectProblem(await admin.get('/api/v1/users?unknown=1'), 400);
  });

  it('an id that does not exist → 404', async () => {
    expectProblem(await admin.get('/api/v1/users/5b0d1c2e-8a44-4f7e-9d53-0c6a1f3e9b21'), 404);
  });

  it('unknown routes → 404 problem, with the request id', async () => {
    const response = await admin.request('GET', '/api/v1/nothing-here', undefined, {
      headers: { 'x-request-id': 'trace-123' },
    });
    expectProblem(response, 404);
    expect(response.headers.get('x-request-id')).toBe('trace-123');
    expect(response.body.requestId).toBe('trace-123');
    expectProblem(await admin.request('DELETE', '/api/v1/auth/login'), 404);
  });

  it('a duplicate e-mail or username (any case) → 409 naming the field; PostgreSQL holds the rule', async () => {
    expect((await admin.post('/api/v1/users', validUser('dup'))).status).toBe(201);
    const sameEmail = await admin.post('/api/v1/users', {
      ...validUser('other'),
      email: 'USER.DUP@consultorio.test',
    });
    expect(expectProblem(sameEmail, 409).errors).toEqual([
      expect.objectContaining({ field: 'email', code: 'unique' }),
    ]);
    const sameUsername = await admin.post('/api/v1/users', { ...validUser('other2'), username: 'User.Dup' });
    expect(expectProblem(sameUsername, 409).errors).toEqual([
      expect.objectContaining({ field: 'username', code: 'unique' }),
    ]);
  });

  it('responses carry security headers and no framework fingerprint', async () => {
    const response = await admin.get('/api/v1/auth/profile');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
