import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { loadEnvironment } from '@consultorio/api/core';
// The app's own factory, so tests run exactly what main.ts runs.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createApi } from '../../../api/src/app/create-api';

export const DEMO_PASSWORD = 'consultorio-demo';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  databaseUrl: string;
  /** A client on this file's database, for checks the API does not expose. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

function databaseUrlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Boots the real API (migrations, demo seed, every pipe and filter) on a database of its own,
 * listening on a free loopback port.
 */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const adminUrl = process.env['TEST_PG_ADMIN_URL'];
  if (!adminUrl) throw new Error('TEST_PG_ADMIN_URL is not set; run through the api-e2e Jest config');
  const database = `consultorio_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const databaseUrl = databaseUrlFor(adminUrl, database);

  const env = loadEnvironment({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    CONSOLE_DIR: '/nonexistent',
    // Each test builds the clinic it needs; the demo clinic has its own test.
    SEED_DEMO_CLINIC: 'false',
    LOGIN_LIMIT_PER_IP: '100000',
    LOGIN_LIMIT_PER_ACCOUNT: '100000',
    ...overrides,
    DATABASE_URL: databaseUrl,
  });
  const app = await createApi(env);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl,
    sql: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
    close: async () => {
      await client.end();
      await app.close();
      const cleanup = new Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
