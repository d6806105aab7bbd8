import type { Pool } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs one statement straight on the driver's pool as a named prepared statement: PostgreSQL
 * plans it once per connection instead of on every call, and no ORM query runner is set up. For
 * the hot paths (the per-request session check, booking) whose SQL is fixed; a single statement
 * is atomic on its own, so it needs no explicit transaction. Errors come out as TypeORM's
 * `QueryFailedError`, so the global error mapping treats them like any other query's.
 */
export async function preparedQuery<Row>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  try {
    const { rows } = await pool.query({ name, text, values });
    return rows as Row[];
  } catch (error) {
    if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') {
      throw new QueryFailedError(text, values, error);
    }
    throw error;
  }
}
