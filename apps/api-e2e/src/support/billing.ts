import type { Http } from './http';
import type { TestApp } from './test-app';

/** Today and other days as the clinic's calendar has them (its time zone, PostgreSQL's clock). */
export interface ClinicDays {
  today: string;
  yesterday: string;
  tomorrow: string;
  /** The month before this one, `YYYY-MM`, and its days. */
  lastMonth: string;
  lastMonthDays: string[];
  /** The UTC offset of the clinic's zone now, e.g. `-05:00` (Lima has no DST). */
  offset: string;
}

export async function clinicDays(api: TestApp): Promise<ClinicDays> {
  const [row] = await api.sql<{
    today: string;
    yesterday: string;
    tomorrow: string;
    last_month: string;
    last_month_days: string[];
    offset: string;
  }>(
    `WITH local AS (
       SELECT (now() AT TIME ZONE time_zone)::date AS today,
              (now() AT TIME ZONE time_zone) - (now() AT TIME ZONE 'UTC') AS utc_offset
         FROM clinic_settings WHERE id = 1
     )
     SELECT today::text, (today - 1)::text AS yesterday, (today + 1)::text AS tomorrow,
            to_char(today - interval '1 month', 'YYYY-MM') AS last_month,
            ARRAY(SELECT d::date::text FROM generate_series(date_trunc('month', today - interval '1 month'),
                  date_trunc('month', today) - interval '1 day', interval '1 day') d) AS last_month_days,
            CASE WHEN utc_offset < interval '0' THEN '-' ELSE '+' END
              || to_char(CASE WHEN utc_offset < interval '0' THEN -utc_offset ELSE utc_offset END, 'HH24:MI') AS offset
       FROM local`,
  );
  return {
    today: row.today,
    yesterday: row.yesterday,
    tomorrow: row.tomorrow,
    lastMonth: row.last_month,
    lastMonthDays: row.last_month_days,
    offset: row.offset,
  };
}

/** An instant on a clinic-local day and time, e.g. `localTime(days, '2027-03-01', '12:00')`. */
export const localTime = (days: ClinicDays, date: string, time = '12:00') =>
  `${date}T${time}:00${days.offset}`;

/** A staff account of `role` with a password, logged in. */
export async function staffAccount(
  admin: Http,
  anonymous: Http,
  username: string,
  role: 'receptionist' | 'doctor' | 'admin',
): Promise<{ id: string; http: Http }> {
  const password = 'a-long-enough-secret';
  const created = await admin.post('/api/v1/users', {
    email: `${username}@consultorio.test`,
    username,
    fullName: `Cuenta ${username}`,
    role,
    password,
  });
  if (created.status !== 201) throw new Error(created.text);
  return { id: created.body.id, http: await anonymous.loggedIn(username, password) };
}

/** A hand-entered cash entry; throws unless it is recorded. */
export async function cashEntry(client: Http, body: Record<string, unknown>): Promise<Record<string, any>> {
  const response = await client.post('/api/v1/transactions', {
    type: 'income',
    concept: 'Consulta',
    method: 'cash',
    ...body,
  });
  if (response.status !== 201) throw new Error(`${response.status} ${response.text}`);
  return response.body;
}
