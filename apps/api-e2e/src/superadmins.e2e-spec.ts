import { expectProblem, Http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('superadmins', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const newUser = (name: string, role: string) => ({
    email: `${name}@consultorio.test`,
    username: name,
    fullName: name,
    role,
    password: 'a-long-enough-secret',
  });

  it('the last active superadmin can be neither deactivated nor demoted, even under concurrency', async () => {
    {
      const client = new Http(api.baseUrl);
      const first = await client.loggedIn('superadmin');
      const firstId = (await first.get('/api/v1/auth/profile')).body.id;
      const demote = expectProblem(await first.patch(`/api/v1/users/${firstId}`, { role: 'admin' }), 422);
      expect(demote.errors?.[0]).toMatchObject({ code: 'lastSuperadmin' });

      const secondId = (await first.post('/api/v1/users', newUser('super.two', 'superadmin'))).body.id;
      const second = await client.loggedIn('super.two', 'a-long-enough-secret');
      // Each deactivates the other at the same moment: exactly one may win.
      const results = await Promise.all([
        first.patch(`/api/v1/users/${secondId}`, { active: false }),
        second.patch(`/api/v1/users/${firstId}`, { active: false }),
      ]);
      const statuses = results.map((result) => result.status).sort();
      expect(statuses[0]).toBe(200);
      expect([401, 422]).toContain(statuses[1]);
      const [{ count }] = await api.sql<{ count: string }>(
        `SELECT count(*) FROM users WHERE role = 'superadmin' AND active`,
      );
      expect(Number(count)).toBe(1);
    }
  });
});
