import { createHmac } from 'node:crypto';
import { ALL_ROLES, Role } from '@consultorio/shared/contracts';
import { expectProblem, Http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

interface Operation {
  summary?: string;
  'x-public'?: boolean;
  'x-roles'?: Role[];
  responses: Record<string, unknown>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const SAMPLE_ID = '3f2b8c1e-9d4a-4e6b-8f7c-2a1b0c9d8e7f';

function sign(payload: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('every route needs authentication and a role unless public', () => {
  let api: TestApp;
  let http: Http;
  let operations: { method: string; path: string; operation: Operation }[];
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    api = await startTestApp();
    http = new Http(api.baseUrl);
    const document = (await http.get('/api/docs-json')).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({ method, path, operation: item[method] })),
    );
    for (const role of ALL_ROLES) tokens.set(role, (await http.login(role)).access_token);
  });
  afterAll(() => api.close());

  const concrete = (path: string) => path.replace(/\{[^}]+\}/g, SAMPLE_ID);

  it('finds the routes in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(12);
    expect(operations.map((entry) => `${entry.method} ${entry.path}`)).toEqual(
      expect.arrayContaining(['get /api/v1/users', 'post /api/v1/auth/login', 'get /api/v1/audit-log']),
    );
  });

  it('documents every operation with a summary and either public access or roles', () => {
    const offenders = operations
      .filter(
        ({ operation }) => !operation.summary || !(operation['x-public'] || operation['x-roles']?.length),
      )
      .map(({ method, path }) => `${method} ${path}`);
    expect(offenders).toEqual([]);
  });

  it('answers 401 problem+json to every non-public route without a token, or with a bad one', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: SAMPLE_ID,
      sid: SAMPLE_ID,
      iss: 'consultorio',
      aud: 'consultorio-api',
      iat: now,
      exp: now + 600,
    };
    const badTokens = [
      undefined,
      'garbage',
      sign(claims, 'some-other-secret-that-is-long-enough-000'),
      sign({ ...claims, exp: now - 10 }, 'DEMO-ONLY-consultorio-jwt-secret-do-not-use-in-production'),
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`,
    ];
    for (const { method, path, operation } of operations) {
      if (operation['x-public']) continue;
      for (const token of badTokens) {
        const client = token ? http.as(token) : http;
        const response = await client.request(
          method.toUpperCase(),
          concrete(path),
          method === 'get' ? undefined : {},
        );
        expect({ route: `${method} ${path}`, status: response.status }).toEqual({
          route: `${method} ${path}`,
          status: 401,
        });
        expectProblem(response, 401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
      }
    }
  });

  it('answers 403 to every role the route does not list', async () => {
    let checked = 0;
    for (const { method, path, operation } of operations) {
      const allowed = operation['x-roles'] ?? [];
      if (operation['x-public']) continue;
      for (const role of ALL_ROLES.filter((candidate) => !allowed.includes(candidate))) {
        const response = await http
          .as(tokens.get(role)!)
          .request(method.toUpperCase(), concrete(path), method === 'get' ? undefined : {});
        expect({ route: `${method} ${path}`, role, status: response.status }).toEqual({
          route: `${method} ${path}`,
          role,
          status: 403,
        });
        expectProblem(response, 403);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('lets each listed role through the guards', async () => {
    for (const { method, path, operation } of operations) {
      if (method !== 'get' || path.includes('{')) continue;
      for (const role of operation['x-roles'] ?? []) {
        const response = await http.as(tokens.get(role)!).get(concrete(path));
        // Past the guards the route answers: 200, or 400 when it needs query parameters.
        expect({ route: path, role, passed: [200, 400].includes(response.status) }).toEqual({
          route: path,
          role,
          passed: true,
        });
      }
    }
  });

  it('keeps public routes public', async () => {
    expect((await http.get('/api/v1/health')).status).toBe(200);
    expect((await http.get('/api/v1/health/ready')).body).toMatchObject({ status: 'ok' });
    const docs = await http.get('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger');
  });
});
