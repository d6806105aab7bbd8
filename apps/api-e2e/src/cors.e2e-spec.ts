import { Http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('CORS allow-list', () => {
  let api: TestApp;
  let http: Http;

  beforeAll(async () => {
    api = await startTestApp({ CORS_ORIGINS: 'https://app.clinica.pe, https://partner.example' });
    http = new Http(api.baseUrl);
  });
  afterAll(() => api.close());

  const preflight = (origin: string) =>
    http.request('OPTIONS', '/api/v1/auth/login', undefined, {
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });

  it('answers listed origins', async () => {
    const response = await preflight('https://partner.example');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    const real = await http.request('GET', '/api/v1/health', undefined, {
      headers: { origin: 'https://app.clinica.pe' },
    });
    expect(real.headers.get('access-control-allow-origin')).toBe('https://app.clinica.pe');
    expect(real.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
  });

  it('does not answer other origins', async () => {
    const response = await preflight('https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
