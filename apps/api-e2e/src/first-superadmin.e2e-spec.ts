import { FirstUsersSeeder } from '@consultorio/api/users';
import { Http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('first start in production', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-forty-characters-x',
      PUBLIC_URL: 'https://citas.clinica-sur.pe',
      INITIAL_SUPERADMIN_EMAIL: 'direccion@clinica-sur.pe',
      INITIAL_SUPERADMIN_PASSWORD: 'first-login-secret',
    });
  });
  afterAll(() => api.close());

  it('creates only the initial superadmin, no demo users', async () => {
    const users = await api.sql<{ email: string; username: string; role: string }>(
      'SELECT email, username, role FROM users',
    );
    expect(users).toEqual([{ email: 'direccion@clinica-sur.pe', username: 'direccion', role: 'superadmin' }]);
    const session = await new Http(api.baseUrl).login('direccion@clinica-sur.pe', 'first-login-secret');
    expect(session.user.role).toBe('superadmin');
    const [audit] = await api.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'user'`);
    expect(audit.action).toBe('create');
  });

  it('never seeds again once users exist', async () => {
    expect(await api.app.get(FirstUsersSeeder).seedIfEmpty()).toBe(0);
    const [{ count }] = await api.sql<{ count: string }>('SELECT count(*) FROM users');
    expect(Number(count)).toBe(1);
  });
});
