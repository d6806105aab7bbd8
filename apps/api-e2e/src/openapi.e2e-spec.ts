import { Http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('OpenAPI document', () => {
  let api: TestApp;
  let document: any;

  beforeAll(async () => {
    api = await startTestApp();
    document = (await new Http(api.baseUrl).get('/api/docs-json')).body;
  });
  afterAll(() => api.close());

  it('declares bearer auth and versioned paths', () => {
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const path of Object.keys(document.paths)) expect(path).toMatch(/^\/api\/v1\//);
  });

  it('has request and response schemas from the shared DTOs, with their validation rules', () => {
    const createUser = document.components.schemas.CreateUserDto;
    expect(createUser.required).toEqual(
      expect.arrayContaining(['email', 'username', 'fullName', 'role', 'password']),
    );
    expect(createUser.properties.username).toMatchObject({ minLength: 3, maxLength: 40 });
    expect(createUser.properties.role.enum).toEqual([
      'superadmin',
      'admin',
      'receptionist',
      'doctor',
      'patient',
    ]);
    const login = document.paths['/api/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/LoginDto');
    expect(login.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/TokenResponseDto',
    );
    expect(document.paths['/api/v1/users'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['q', 'role', 'active', 'page', 'pageSize', 'sort']),
    );
  });

  it('documents the problem+json error responses of every operation', () => {
    for (const [path, item] of Object.entries<any>(document.paths)) {
      for (const [method, operation] of Object.entries<any>(item)) {
        const expected = operation['x-public'] ? ['500'] : ['401', '403', '500'];
        for (const status of expected) {
          expect({ op: `${method} ${path}`, status, has: !!operation.responses[status] }).toEqual({
            op: `${method} ${path}`,
            status,
            has: true,
          });
          expect(operation.responses[status].content['application/problem+json'].schema.$ref).toBe(
            '#/components/schemas/ProblemDetails',
          );
        }
      }
    }
    expect(document.paths['/api/v1/auth/login'].post.responses['429']).toBeDefined();
  });
});
