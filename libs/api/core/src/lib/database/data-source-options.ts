import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// Any 64-bit number unique to this app: instances starting together take turns migrating.
const MIGRATION_LOCK_KEY = 4_242_017;

/** Connection options shared by the app, the migration runner and the TypeORM CLI. */
export function postgresOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    extra: { max: 20, application_name: 'consultorio-api' },
  };
}

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so several instances starting at
 * once migrate one after the other. Returns the names of the migrations applied.
 */
export async function runMigrations(
  url: string,
  migrations: MixedList<string | (new () => unknown)>,
): Promise<string[]> {
  const dataSource = new DataSource({
    ...postgresOptions(url),
    migrations: migrations as DataSourceOptions['migrations'],
    extra: { max: 1 },
  });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await dataSource.destroy();
  }
}
