import { expectProblem, Http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('login throttling', () => {
  let api: TestApp;
  let http: Http;

  beforeAll(async () => {
    api = await startTestApp({
      LOGIN_LIMIT_PER_ACCOUNT: '3',
      LOGIN_LIMIT_PER_IP: '6',
      LOGIN_LIMIT_WINDOW_SECONDS: '60',
    });
    http = new Http(api.baseUrl);
  });
  afterAll(() => api.close());

  const attempt = (login: string, password = 'wrong-password-1') =>
    http.post('/api/v1/auth/login', { login, password });

  it('limits attempts per account (any case) with 429 and Retry-After, even with the right password', async () => {
    expect((await attempt('doctor')).status).toBe(401);
    expect((await attempt('DOCTOR')).status).toBe(401);
    expect((await attempt(' doctor ')).status).toBe(401);
    const blocked = await attempt('doctor', 'consultorio-demo');
    expectProblem(blocked, 429);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('limits attempts per client IP across accounts', async () => {
    // Four attempts (the refused one counts too) were spent above; two more accounts fill the IP's six.
    for (const login of ['a1', 'a2']) expect((await attempt(login)).status).toBe(401);
    const blocked = await attempt('admin', 'consultorio-demo');
    expectProblem(blocked, 429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
