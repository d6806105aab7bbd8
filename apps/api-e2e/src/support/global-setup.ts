import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Jest loads global setup outside its module mapper, so the library is reached by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '../../../../libs/api/core/src/lib/database/embedded-postgres';

declare global {
  var __EMBEDDED_PG__: EmbeddedDatabase | undefined;
}

/**
 * One PostgreSQL server for the run: `DATABASE_URL`'s when set, else an embedded one in a fresh
 * folder. Each test file then creates its own database on it (see test-app.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env['DATABASE_URL']) {
    process.env['TEST_PG_ADMIN_URL'] = process.env['DATABASE_URL'];
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'consultorio-test-pg-'));
  const embedded = await startEmbeddedPostgres(dir, 'postgres');
  globalThis.__EMBEDDED_PG__ = embedded;
  process.env['TEST_PG_ADMIN_URL'] = embedded.adminUrl;
}
