import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { Client } from 'pg';
import {
  buildOpenApiDocument,
  ConfigurationError,
  loadEnvironment,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '@consultorio/api/core';
import { DEMO_PASSWORD, DEMO_USERS } from '@consultorio/api/users';
import { createApi } from './app/create-api';

async function resetDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const env = loadEnvironment(process.env);
  let embedded: EmbeddedDatabase | undefined;
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres(env.EMBEDDED_PG_DIR);
    env.DATABASE_URL = embedded.url;
  }
  const stopEmbedded = async () => {
    await embedded?.stop().catch(() => undefined);
  };

  if (process.argv.includes('--reset-db')) {
    if (env.NODE_ENV === 'production') throw new ConfigurationError('db:reset is refused in production');
    await resetDatabase(env.DATABASE_URL);
    const app = await createApi({ ...env, SEED_DEMO: true });
    await app.close();
    await stopEmbedded();
    console.log('Database recreated with the demo clinic.');
    return;
  }

  const openApiIndex = process.argv.indexOf('--openapi');
  if (openApiIndex > 0) {
    const file = process.argv[openApiIndex + 1] ?? 'docs/openapi.json';
    const app = await createApi({ ...env, LOG_LEVEL: 'warn' });
    await writeFile(file, JSON.stringify(buildOpenApiDocument(app), null, 2) + '\n');
    await app.close();
    await stopEmbedded();
    console.log(`OpenAPI document written to ${file}`);
    return;
  }

  const app = await createApi(env);
  app.getHttpAdapter().getInstance().addHook('onClose', stopEmbedded);
  await app.listen({ port: env.PORT, host: env.HOST });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = `http://localhost:${port}`;
  const lines = [
    '',
    `  Consultorio is ready at ${url}`,
    `  API docs: ${url}/api/docs`,
    `  Database: ${embedded ? `embedded PostgreSQL (${env.EMBEDDED_PG_DIR})` : 'DATABASE_URL'}`,
  ];
  if (env.SEED_DEMO) {
    lines.push(`  DEMO logins (demo data only; password "${DEMO_PASSWORD}"):`);
    for (const user of DEMO_USERS)
      lines.push(`    ${user.role.padEnd(13)} ${user.email}  /  ${user.username}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigurationError
      ? error.message
      : `Start-up failed: ${(error as Error)?.stack ?? error}`;
  process.stderr.write(message + '\n');
  process.exit(1);
});
