import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The function's body: one query over $1 doctor, $2 start, $3 end, $4 location. */
export const SCHEDULE_PROBLEM_QUERY = `WITH tz AS (SELECT time_zone FROM clinic_settings WHERE id = 1),
  local AS (
    SELECT ($2::timestamptz AT TIME ZONE tz.time_zone) AS start_local,
           ($3::timestamptz AT TIME ZONE tz.time_zone) AS end_local
      FROM tz
  ),
  day AS (
    SELECT start_local::date AS date, start_local::time AS start_time,
           CASE WHEN end_local::date = start_local::date THEN end_local::time
                WHEN end_local = (start_local::date + 1)::timestamp THEN time '24:00' END AS end_time
      FROM local
  )
  SELECT CASE
    WHEN EXISTS (SELECT 1 FROM holidays h, day WHERE h.date = day.date) THEN 'holiday'
    WHEN EXISTS (SELECT 1 FROM schedule_blocks b
                  WHERE b.doctor_id = $1 AND b.period && tstzrange($2::timestamptz, $3::timestamptz, '[)')) THEN 'blocked'
    WHEN (SELECT end_time FROM day) IS NULL THEN 'outside_hours'
    WHEN EXISTS (SELECT 1 FROM special_hours s, day WHERE s.doctor_id = $1 AND s.date = day.date) THEN
      CASE WHEN EXISTS (SELECT 1 FROM special_hours s, day
                         WHERE s.doctor_id = $1 AND s.date = day.date AND s.location_id = $4
                           AND s.start_time <= day.start_time AND s.end_time >= day.end_time)
           THEN NULL ELSE 'outside_hours' END
    WHEN EXISTS (SELECT 1 FROM working_hours w, day
                  WHERE w.doctor_id = $1 AND w.location_id = $4
                    AND w.weekday = extract(isodow FROM day.date)
                    AND w.valid_from <= day.date AND (w.valid_to IS NULL OR w.valid_to >= day.date)
                    AND w.start_time <= day.start_time AND w.end_time >= day.end_time) THEN NULL
    ELSE 'outside_hours'
  END AS problem`;

/**
 * Why a doctor cannot see a patient at [starts, ends) at a location, in the clinic's time zone:
 * 'holiday', 'blocked' or 'outside_hours' (special hours of the date replace the weekly ones); NULL
 * when it fits. In the database so a booking checks everything in one statement.
 */
export class ScheduleFitFunction1764300000000 implements MigrationInterface {
  name = 'ScheduleFitFunction1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION appointment_schedule_problem(uuid, timestamptz, timestamptz, uuid) RETURNS text
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $fn$ ${SCHEDULE_PROBLEM_QUERY} $fn$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION appointment_schedule_problem(uuid, timestamptz, timestamptz, uuid)`);
  }
}
