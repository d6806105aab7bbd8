import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectProblem, Http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('the console on the same port', () => {
  let api: TestApp;
  let http: Http;
  const INDEX = '<!doctype html><html><body><cs-root>Consultorio</cs-root></body></html>';

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'console-'));
    await writeFile(join(dir, 'index.html'), INDEX);
    await writeFile(join(dir, 'main-ABCD1234.js'), 'console.log(1)');
    await writeFile(join(dir, 'favicon.ico'), 'icon');
    api = await startTestApp({ CONSOLE_DIR: dir });
    http = new Http(api.baseUrl);
  });
  afterAll(() => api.close());

  it('serves index.html at / and for deep links, always revalidated', async () => {
    for (const path of ['/', '/users', '/profile/settings']) {
      const response = await http.get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(response.text).toBe(INDEX);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('lets browsers keep hashed files forever and others for an hour', async () => {
    const hashed = await http.get('/main-ABCD1234.js');
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await http.get('/favicon.ico')).headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('keeps problem+json 404s for the API and for non-GET requests', async () => {
    expectProblem(await http.get('/api/v1/missing'), 404);
    expectProblem(await http.get('/api/other'), 404);
    expectProblem(await http.post('/users', {}), 404);
  });
});
