import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  bootstrap,
  createFastifyAdapter,
  createLogger,
  PinoNestLogger,
  runMigrations,
  type AppEnvironment,
} from '@consultorio/api/core';
import { DemoClinicSeeder } from '@consultorio/api/demo';
import { FirstUsersSeeder } from '@consultorio/api/users';
import { MIGRATIONS } from '../migrations';
import { AppModule } from './app.module';

/**
 * Migrates the database, builds the Nest app on Fastify, applies {@link bootstrap} and seeds the
 * demo clinic when asked. `env.DATABASE_URL` must be set. Used by `main.ts` and by every API test.
 */
export async function createApi(env: AppEnvironment): Promise<NestFastifyApplication> {
  if (!env.DATABASE_URL) throw new Error('createApi needs DATABASE_URL');
  await runMigrations(env.DATABASE_URL, MIGRATIONS);
  const logger = createLogger(env);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(env),
    createFastifyAdapter(env, logger),
    {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    },
  );
  await bootstrap(app, env);
  await app.get(FirstUsersSeeder).seedIfEmpty();
  await app.get(DemoClinicSeeder).seedIfEmpty();
  return app;
}
