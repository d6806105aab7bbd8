import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEDULE_PROBLEM_QUERY } from './1764300000000-schedule-fit-function';

/**
 * The schedule-fit function in PL/pgSQL instead of SQL: the same query, but PostgreSQL keeps its
 * plan for the session instead of planning it again on every call (it is part of every booking).
 */
export class ScheduleFitPlpgsql1764400000000 implements MigrationInterface {
  name = 'ScheduleFitPlpgsql1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION appointment_schedule_problem(uuid, timestamptz, timestamptz, uuid) RETURNS text
        LANGUAGE plpgsql STABLE PARALLEL SAFE
        AS $fn$ BEGIN RETURN (${SCHEDULE_PROBLEM_QUERY}); END $fn$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION appointment_schedule_problem(uuid, timestamptz, timestamptz, uuid) RETURNS text
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $fn$ ${SCHEDULE_PROBLEM_QUERY} $fn$`);
  }
}
