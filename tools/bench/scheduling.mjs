// The `scheduling` suite: free-slot search against a growing agenda, and booking throughput.
//
// Set-up, all through the API: one location, a 30-minute treatment, 21 doctors working 08:00–20:00
// every day, a receptionist (who makes every measured request) and 20 patients, in America/Lima
// (UTC−5 all year) with 15-minute slot steps and no buffer.
//
// Slot search: one doctor's agenda is filled directly with SQL (INSERT … SELECT generate_series) to
// 500, 5,000 and 50,000 non-overlapping 30-minute bookings: the same 372 in the searched 31 days
// (every other half hour, one in eight cancelled) and the rest on whole days alternately after and
// before them, past ones completed or no-show, future ones scheduled or confirmed, one in eight
// cancelled. After each size (and ANALYZE), autocannon measures
// GET /doctors/{id}/available-slots over those 31 days with 10 connections, then with 1.
//
// Booking: concurrent POST /appointments, each to a different free half hour of the 20 other
// doctors (round robin over doctors, then half hours, then days), from a warm-up and a measured
// run. Afterwards SQL checks that every 201 is exactly one row, with its history and domain event.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';
import { forEachConcurrently, login, measure, request } from './client.mjs';
import { formatTable, percentile } from './report.mjs';

/** Lima keeps UTC−5 all year, so a local wall time is `…T09:30:00-05:00` on every date. */
const TIME_ZONE = 'America/Lima';
const UTC_OFFSET = '-05:00';
const SLOT_MINUTES = 30;
const FIRST_HOUR = 8;
const HALF_HOURS_PER_DAY = 24; // 08:00–20:00
const WINDOW_DAYS = 31;
const AGENDA_SIZES = [500, 5_000, 50_000];
const BOOKING_DOCTORS = 20;
const PATIENTS = 20;
const SLOT_CONNECTIONS = 10;
const BOOKING_CONNECTIONS = 16;

/** Targets the figures are read against. */
export const TARGETS = { p95Ratio: 1.3, slotP95Ms: 20, bookingsPerSecond: 1000 };

const ADMIN_EMAIL = 'bench-admin@consultorio.test';
const ADMIN_LOGIN = 'bench-admin';
const ADMIN_PASSWORD = `Bench-${randomBytes(9).toString('base64url')}-admin`;

/** Server settings for this suite: an empty clinic (no demo data) with one superadmin. */
export const schedulingServerEnv = {
  SEED_DEMO: 'false',
  INITIAL_SUPERADMIN_EMAIL: ADMIN_EMAIL,
  INITIAL_SUPERADMIN_PASSWORD: ADMIN_PASSWORD,
};

/** Hard bound on the suite, in seconds: set-up and inserts, then seven measured phases. */
export const schedulingTimeLimit = ({ duration, warmup }) => 120 + 4 * (warmup + duration) + 3 * duration;

const pad = (n) => String(n).padStart(2, '0');
const addDays = (date, days) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const round = (value, digits = 1) => Number(value.toFixed(digits));

/** Creates the clinic through the API; returns ids and the receptionist's token. */
async function setUpClinic(baseUrl, log) {
  const suffix = randomBytes(3).toString('hex');
  const admin = await login(baseUrl, ADMIN_LOGIN, ADMIN_PASSWORD);
  const post = (path, body, token = admin) => request(baseUrl, 'POST', path, { token, body });
  await request(baseUrl, 'PUT', '/api/v1/settings', {
    token: admin,
    body: { timeZone: TIME_ZONE, slotGranularityMinutes: 15, defaultBufferMinutes: 0 },
  });
  const specialtyId = (await post('/api/v1/specialties', { name: `Medicina general ${suffix}` })).id;
  const locationId = (
    await post('/api/v1/locations', { name: `Sede ${suffix}`, address: 'Av. Arequipa 100' })
  ).id;
  const treatmentId = (
    await post('/api/v1/treatments', {
      name: `Consulta ${suffix}`,
      specialtyId,
      durationMinutes: SLOT_MINUTES,
      price: '80.00',
    })
  ).id;
  const user = (role, i) => ({
    email: `bench-${role}-${i}-${suffix}@consultorio.test`,
    username: `bench-${role}-${i}-${suffix}`,
    fullName: `Bench ${role} ${i}`,
    role,
    password: `bench-password-${i}-${suffix}`,
  });
  await post('/api/v1/users', user('receptionist', 0));
  const receptionist = await login(
    baseUrl,
    user('receptionist', 0).username,
    user('receptionist', 0).password,
  );

  const doctorIds = [];
  // Two at a time: each account hashes a password.
  await forEachConcurrently(
    Array.from({ length: 1 + BOOKING_DOCTORS }, (_, i) => i),
    2,
    async (i) => {
      const userId = (await post('/api/v1/users', user('doctor', i))).id;
      const doctorId = (
        await post('/api/v1/doctors', {
          userId,
          licenseNumber: `CMP-${suffix}-${i}`,
          specialtyIds: [specialtyId],
          locationIds: [locationId],
          color: '#1e88e5',
        })
      ).id;
      for (let weekday = 1; weekday <= 7; weekday++) {
        await post(`/api/v1/doctors/${doctorId}/schedule/hours`, {
          locationId,
          weekday,
          start: `${pad(FIRST_HOUR)}:00`,
          end: `${pad(FIRST_HOUR + (HALF_HOURS_PER_DAY * SLOT_MINUTES) / 60)}:00`,
          validFrom: '2020-01-01',
        });
      }
      doctorIds[i] = doctorId;
    },
  );
  const patientIds = [];
  for (let i = 0; i < PATIENTS; i++) {
    const body = { firstNames: `Paciente ${i}`, lastNames: `Bench ${suffix}` };
    patientIds.push((await post('/api/v1/patients', body, receptionist)).id);
  }
  log(`clinic set up: ${doctorIds.length} doctors, ${patientIds.length} patients`);
  const [busyDoctorId, ...bookingDoctorIds] = doctorIds;
  return { locationId, treatmentId, busyDoctorId, bookingDoctorIds, patientIds, receptionist };
}

/**
 * Inserts appointments `from` (inclusive) to `to` (exclusive) of the busy doctor's agenda. Index i
 * below 372 is in the searched window (day i / 12, every other half hour); above, the bookings fill
 * whole days alternately after and before the window.
 */
const AGENDA_SQL = `
  WITH placed AS (
    SELECT i,
           CASE WHEN i < $10 THEN $8::date + i / 12
                WHEN ((i - $10) / 24) % 2 = 0 THEN $9::date + 1 + ((i - $10) / 24) / 2
                ELSE $8::date - 1 - ((i - $10) / 24) / 2 END AS day,
           CASE WHEN i < $10 THEN (i % 12) * 2 ELSE (i - $10) % 24 END AS half_hour
      FROM generate_series($1::int, $2::int - 1) AS i
  ), timed AS (
    SELECT i, ((day + time '${pad(FIRST_HOUR)}:00') + half_hour * interval '${SLOT_MINUTES} minutes') AT TIME ZONE $7::text AS starts_at
      FROM placed
  ), rows AS (
    SELECT i, starts_at,
           CASE WHEN i % 8 = 5 THEN 'cancelled'
                WHEN starts_at < now() THEN CASE WHEN i % 16 = 7 THEN 'no_show' ELSE 'completed' END
                WHEN i % 2 = 0 THEN 'confirmed' ELSE 'scheduled' END AS status
      FROM timed
  )
  INSERT INTO appointments (patient_id, doctor_id, location_id, treatment_id, starts_at, ends_at, status,
                            cancelled_at, cancel_reason, channel)
  SELECT ($3::uuid[])[1 + i % cardinality($3::uuid[])], $4, $5, $6, starts_at,
         starts_at + interval '${SLOT_MINUTES} minutes', status,
         CASE WHEN status = 'cancelled' THEN least(starts_at, now()) - interval '1 day' END,
         CASE WHEN status = 'cancelled' THEN 'bench' END, 'console'
    FROM rows`;
const WINDOW_BOOKINGS = WINDOW_DAYS * (HALF_HOURS_PER_DAY / 2);

async function fillAgenda(db, clinic, window, from, to) {
  await db.query(AGENDA_SQL, [
    from,
    to,
    clinic.patientIds,
    clinic.busyDoctorId,
    clinic.locationId,
    clinic.treatmentId,
    TIME_ZONE,
    window.from,
    window.to,
    WINDOW_BOOKINGS,
  ]);
  // What autovacuum would do shortly after such a load; without it the planner guesses.
  await db.query('ANALYZE appointments');
  const [{ total, live }] = (
    await db.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status <> 'cancelled')::int AS live
         FROM appointments WHERE doctor_id = $1`,
      [clinic.busyDoctorId],
    )
  ).rows;
  if (total !== to) throw new Error(`expected ${to} bookings for the busy doctor, found ${total}`);
  return { total, live };
}

async function slotSearch({ baseUrl, db, clinic, window, duration, warmup, log }) {
  const path =
    `/api/v1/doctors/${clinic.busyDoctorId}/available-slots?from=${window.from}&to=${window.to}` +
    `&locationId=${clinic.locationId}&treatmentId=${clinic.treatmentId}`;
  const rows = [];
  let inserted = 0;
  for (const size of AGENDA_SIZES) {
    const started = Date.now();
    const { live } = await fillAgenda(db, clinic, window, inserted, size);
    inserted = size;
    log(`agenda: ${size} bookings (${live} live) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const slots = (await request(baseUrl, 'GET', path, { token: clinic.receptionist })).length;
    const scenario = {
      name: `slots-${size}`,
      title: `${size.toLocaleString('en-US')} bookings`,
      url: `${baseUrl}${path}`,
      headers: { authorization: `Bearer ${clinic.receptionist}` },
    };
    // Under load (the figures the targets are read against), then one request at a time (the
    // latency without queueing; already warm).
    const loaded = await measure({ ...scenario, connections: SLOT_CONNECTIONS }, { duration, warmup, log });
    const single = await measure({ ...scenario, connections: 1 }, { duration, warmup: 0, log });
    rows.push({ ...loaded, agendaSize: size, liveBookings: live, slots });
    rows.push({ ...single, agendaSize: size, liveBookings: live, slots });
  }
  // The searched window holds the same bookings at every size, so the answer must not change.
  if (rows.some((row) => row.slots !== rows[0].slots || row.slots === 0)) {
    throw new Error(`slot counts differ between agenda sizes: ${rows.map((row) => row.slots).join(', ')}`);
  }
  const loaded = rows.filter((row) => row.connections === SLOT_CONNECTIONS);
  const p95 = (size) => loaded.find((row) => row.agendaSize === size).latencyMs.p95;
  const p95Ratio = round(p95(AGENDA_SIZES.at(-1)) / p95(AGENDA_SIZES[0]), 2);
  const worstLargeP95 = Math.max(
    ...loaded.filter((row) => row.agendaSize >= 5_000).map((row) => row.latencyMs.p95),
  );
  return {
    path: `/api/v1/doctors/{id}/available-slots?from=${window.from}&to=${window.to}&locationId=…&treatmentId=…`,
    rows,
    p95Ratio,
    worstLargeP95,
    met: { p95Ratio: p95Ratio <= TARGETS.p95Ratio, slotP95: worstLargeP95 <= TARGETS.slotP95Ms },
  };
}

/** CPU time (user + system) of a process so far, in ms; null when it cannot be read. */
const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Busy and total jiffies of the whole machine (every tenant, not only this benchmark). */
function machineTicks() {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const numbers = values.map(Number);
  const idle = numbers[3] + numbers[4];
  const total = numbers.reduce((sum, n) => sum + n, 0);
  return { busy: total - idle, total };
}

/** CPU time of the API's PostgreSQL backends, by pid (only when they run on this machine). */
async function backendCpu(db) {
  const { rows } = await db.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'consultorio-api'`,
  );
  const cpu = new Map();
  for (const { pid } of rows) {
    let name = '';
    try {
      name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      // Not on this machine (or another pid namespace).
    }
    if (name.startsWith('postgres')) cpu.set(pid, processCpuMs(pid));
  }
  return cpu;
}

/** CPU used between two snapshots by everything measured. */
async function cpuSnapshot(db, apiPid) {
  return {
    at: process.hrtime.bigint(),
    api: processCpuMs(apiPid),
    backends: await backendCpu(db),
    client: process.cpuUsage(),
    machine: machineTicks(),
  };
}
function cpuUsed(before, after) {
  let backends = 0;
  for (const [pid, ms] of after.backends) backends += ms - (before.backends.get(pid) ?? 0);
  const client = process.cpuUsage(before.client);
  const wallMs = Number(after.at - before.at) / 1e6;
  return {
    apiMs: before.api === null || after.api === null ? null : after.api - before.api,
    postgresMs: after.backends.size ? backends : null,
    clientMs: (client.user + client.system) / 1000,
    machineBusyPercent: round(
      (100 * (after.machine.busy - before.machine.busy)) / (after.machine.total - before.machine.total),
    ),
    wallMs,
  };
}

/** One POST; resolves with the status, the time to the whole answer and, for failures, the body. */
function post(agent, url, token, payload) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        timeout: 10_000,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            ms: elapsed(),
            body: res.statusCode === 201 ? undefined : Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', (error) => resolve({ status: 0, ms: elapsed(), body: error.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status: 0, ms: elapsed(), body: error.message }));
    req.end(payload);
  });
}

/**
 * `connections` workers book back to back for `seconds`; each request takes the next free half hour
 * from `nextBooking`. Stops issuing at the deadline and waits for the answers in flight, so every
 * booking the server made is counted.
 */
async function bookFor({ baseUrl, token, connections, seconds, nextBooking }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL('/api/v1/appointments', baseUrl);
  const latencies = [];
  const statuses = new Map();
  let firstFailure;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(seconds * 1e9);
  const worker = async () => {
    while (process.hrtime.bigint() < deadline) {
      const answer = await post(agent, url, token, JSON.stringify(nextBooking()));
      latencies.push(answer.ms);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status !== 201) firstFailure ??= `${answer.status} ${answer.body}`;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { latencies, statuses, firstFailure, elapsedSeconds };
}

async function bookingRun({ baseUrl, db, clinic, window, duration, warmup, log, apiPid }) {
  // Round robin over the doctors, then half hours, then days from the searched window's first day:
  // never the same doctor and half hour twice.
  let next = 0;
  const doctors = clinic.bookingDoctorIds;
  const nextBooking = () => {
    const k = next++;
    const turn = Math.floor(k / doctors.length);
    const halfHour = turn % HALF_HOURS_PER_DAY;
    const minutes = FIRST_HOUR * 60 + halfHour * SLOT_MINUTES;
    const day = addDays(window.from, Math.floor(turn / HALF_HOURS_PER_DAY));
    return {
      patientId: clinic.patientIds[k % clinic.patientIds.length],
      doctorId: doctors[k % doctors.length],
      locationId: clinic.locationId,
      treatmentId: clinic.treatmentId,
      start: `${day}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00${UTC_OFFSET}`,
    };
  };
  const base = { baseUrl, token: clinic.receptionist, connections: BOOKING_CONNECTIONS, nextBooking };
  const runs = [];
  if (warmup > 0) {
    log(`booking: warm-up ${warmup} s`);
    runs.push(await bookFor({ ...base, seconds: warmup }));
  }
  log(`booking: ${duration} s with ${BOOKING_CONNECTIONS} connections`);
  const before = await cpuSnapshot(db, apiPid);
  const measured = await bookFor({ ...base, seconds: duration });
  const cpu = cpuUsed(before, await cpuSnapshot(db, apiPid));
  runs.push(measured);

  // Every 201 must be exactly one booking, with its history row and domain event; nothing else.
  const answered = runs.reduce((sum, run) => sum + (run.statuses.get(201) ?? 0), 0);
  const [stored] = (
    await db.query(
      `SELECT count(*)::int AS rows,
              count(*) FILTER (WHERE status = 'scheduled')::int AS scheduled,
              (SELECT count(*)::int FROM appointment_events e JOIN appointments a ON a.id = e.appointment_id
                WHERE a.doctor_id = ANY($1) AND e.kind = 'booked') AS history,
              (SELECT count(*)::int FROM domain_events WHERE type = 'appointment.booked') AS events,
              (SELECT count(*)::int FROM audit_log WHERE entity = 'appointment') AS audit
         FROM appointments WHERE doctor_id = ANY($1)`,
      [doctors],
    )
  ).rows;
  const failures = runs.reduce(
    (sum, run) => sum + [...run.statuses].filter(([status]) => status !== 201).reduce((n, [, c]) => n + c, 0),
    0,
  );
  const verified =
    failures === 0 &&
    [stored.rows, stored.scheduled, stored.history, stored.events, stored.audit].every((n) => n === answered);

  const sorted = Float64Array.from(measured.latencies).sort();
  const created = measured.statuses.get(201) ?? 0;
  const errors = measured.statuses.get(0) ?? 0;
  const perBooking = (ms) => (ms === null || created === 0 ? null : round(ms / created, 2));
  const row = {
    scenario: 'booking',
    request: 'POST /api/v1/appointments',
    connections: BOOKING_CONNECTIONS,
    durationSeconds: round(measured.elapsedSeconds, 2),
    requests: measured.latencies.length,
    requestsPerSecond: round(created / measured.elapsedSeconds),
    latencyMs: {
      p50: round(percentile(sorted, 50), 2),
      p95: round(percentile(sorted, 95), 2),
      p99: round(percentile(sorted, 99), 2),
      max: round(sorted.length ? sorted[sorted.length - 1] : 0, 2),
    },
    errors,
    timeouts: 0,
    mismatches: 0,
    non2xx: measured.latencies.length - created - errors,
  };
  return {
    doctors: doctors.length,
    row,
    answered201: answered,
    failures,
    firstFailure: runs.map((run) => run.firstFailure).find(Boolean) ?? null,
    stored,
    verified,
    cpuPerBookingMs: {
      api: perBooking(cpu.apiMs),
      postgres: perBooking(cpu.postgresMs),
      loadGenerator: perBooking(cpu.clientMs),
    },
    machineBusyPercent: cpu.machineBusyPercent,
    met: row.requestsPerSecond >= TARGETS.bookingsPerSecond,
  };
}

/** Runs the suite against a started server and its database. */
export async function runSchedulingSuite({ server, database, duration, warmup, log }) {
  const clinic = await setUpClinic(server.baseUrl, log);
  const db = new pg.Client({ connectionString: await database.connectionString() });
  await db.connect();
  try {
    // The searched window: the 31 clinic-local days from tomorrow, so no slot is cut by "now".
    const [{ from }] = (
      await db.query(`SELECT ((now() AT TIME ZONE $1::text)::date + 1)::text AS from`, [TIME_ZONE])
    ).rows;
    const window = { from, to: addDays(from, WINDOW_DAYS - 1) };
    const context = { baseUrl: server.baseUrl, db, clinic, window, duration, warmup, log };
    const slots = await slotSearch(context);
    const booking = await bookingRun({ ...context, apiPid: server.pid });
    return { timeZone: TIME_ZONE, window, slots, booking };
  } finally {
    await db.end();
  }
}

/** Whether the suite saw any failed request or an unverified booking count. */
export function schedulingFailed(result) {
  const failed = (row) => row.errors + row.timeouts + row.mismatches + row.non2xx > 0;
  return result.slots.rows.some(failed) || failed(result.booking.row) || !result.booking.verified;
}

const yesNo = (met) => (met ? 'met' : 'NOT met');

/** The suite's figures as text. */
export function formatScheduling({ window, slots, booking }) {
  const cpu = booking.cpuPerBookingMs;
  const ms = (value) => (value === null ? 'n/a' : `${value} ms`);
  return [
    `Slot search: GET ${slots.path} (${WINDOW_DAYS} days from ${window.from}, ${slots.rows[0].slots} free slots), agenda of one doctor at each size:`,
    '',
    formatTable(slots.rows),
    '',
    `With ${SLOT_CONNECTIONS} connections: p95 ratio ${AGENDA_SIZES.at(-1).toLocaleString('en-US')} / ${AGENDA_SIZES[0]} bookings ${slots.p95Ratio} ` +
      `(target ≤ ${TARGETS.p95Ratio}: ${yesNo(slots.met.p95Ratio)}); worst p95 from 5,000 bookings ${slots.worstLargeP95} ms ` +
      `(target ≤ ${TARGETS.slotP95Ms} ms: ${yesNo(slots.met.slotP95)}).`,
    '',
    `Booking: distinct free half hours of ${booking.doctors} doctors, ${BOOKING_CONNECTIONS} concurrent (Req/s counts 201s):`,
    '',
    formatTable([booking.row]),
    '',
    `${booking.row.requestsPerSecond} bookings/s (target ≥ ${TARGETS.bookingsPerSecond}: ${yesNo(booking.met)}). ` +
      `Check: ${booking.answered201} answers 201 (warm-up included), ${booking.failures} other answers; ` +
      `${booking.stored.rows} rows, ${booking.stored.history} history rows, ${booking.stored.events} domain events, ` +
      `${booking.stored.audit} audit entries: ${booking.verified ? 'consistent' : 'INCONSISTENT'}.`,
    ...(booking.firstFailure ? [`First failure: ${booking.firstFailure.slice(0, 300)}`] : []),
    `CPU per booking: API process ${ms(cpu.api)}, its PostgreSQL backends ${ms(cpu.postgres)}, load generator ${ms(cpu.loadGenerator)}; ` +
      `machine ${booking.machineBusyPercent}% busy during the run (all tenants).`,
  ].join('\n');
}
