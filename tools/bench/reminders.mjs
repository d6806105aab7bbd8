// The `reminders` suite: 20,000 reminders due at once, queued by the reminder scan and delivered
// over SMTP to a local sink standing for the clinic's mail relay.
//
// Set-up: a location and a doctor through the API, quiet hours off; then, in one SQL statement,
// 20,000 patients with an e-mail and one appointment each 20 hours ahead, booked two days ago, so
// every 24-hour reminder is due. The API runs its scan every 5 seconds (the default is every
// minute) and its dispatcher every 100 ms. Measured from that insert: when the last reminder is queued (rendered, with its .ics and
// signed links) and when the last one is sent. Afterwards SQL checks one reminder per appointment,
// every one sent, and each one received by the sink.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { login, request } from './client.mjs';

/** How many reminders fall due at once (BENCH_REMINDERS overrides it, e.g. for a quick profile). */
const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 20_000);
/** Target: all delivered within a minute on this machine. */
export const REMINDER_TARGET_SECONDS = 60;

const ADMIN_EMAIL = 'bench-admin@consultorio.test';
const ADMIN_LOGIN = 'bench-admin';
const ADMIN_PASSWORD = `Bench-${randomBytes(9).toString('base64url')}-admin`;

/** The SMTP sink the API delivers to: Message-IDs of what it received. */
const sink = { server: null, received: new Set(), port: 0 };

/**
 * A local SMTP server standing for the clinic's mail relay (SMTP_URL): it takes every message over
 * real SMTP and keeps its Message-ID, nothing else, so what is measured is the API's work.
 */
async function startSink() {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk) => {
        if (head.length < 16_384) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const id = /^message-id:\s*(<[^>]+>)/im.exec(head)?.[1];
        if (id) sink.received.add(id);
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.server = server;
  sink.port = server.server.address().port;
}

/**
 * Server settings: an empty clinic with one superadmin; scan every 5 s, dispatch every 100 ms,
 * mail to the local SMTP sink.
 */
export async function remindersServerEnv() {
  await startSink();
  return {
    SEED_DEMO: 'false',
    INITIAL_SUPERADMIN_EMAIL: ADMIN_EMAIL,
    INITIAL_SUPERADMIN_PASSWORD: ADMIN_PASSWORD,
    REMINDER_CRON: '*/5 * * * * *',
    OUTBOX_POLL_MS: '100',
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
  };
}

/** Hard bound on the suite, in seconds. */
export const remindersTimeLimit = () => 300;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runRemindersSuite({ server, servers, database, log }) {
  const suffix = randomBytes(3).toString('hex');
  const admin = await login(server.baseUrl, ADMIN_LOGIN, ADMIN_PASSWORD);
  const post = (path, body) => request(server.baseUrl, 'POST', path, { token: admin, body });
  await request(server.baseUrl, 'PUT', '/api/v1/settings', {
    token: admin,
    body: { name: 'Clínica Bench', phone: '+51 1 000 0000', quietHoursStart: null, quietHoursEnd: null },
  });
  const specialtyId = (await post('/api/v1/specialties', { name: `Medicina ${suffix}` })).id;
  const locationId = (
    await post('/api/v1/locations', { name: `Sede ${suffix}`, address: 'Av. Arequipa 100' })
  ).id;
  const userId = (
    await post('/api/v1/users', {
      email: `bench-doctor-${suffix}@consultorio.test`,
      username: `bench-doctor-${suffix}`,
      fullName: 'Dra. Bench',
      role: 'doctor',
      password: `bench-password-${suffix}`,
    })
  ).id;
  const doctorId = (
    await post('/api/v1/doctors', {
      userId,
      licenseNumber: `CMP-${suffix}`,
      color: '#1e88e5',
      specialtyIds: [specialtyId],
      locationIds: [locationId],
    })
  ).id;

  const db = new pg.Client({ connectionString: await database.connectionString() });
  await db.connect();
  try {
    log(`inserting ${REMINDERS.toLocaleString('en-US')} due appointments`);
    const started = Date.now();
    await db.query(
      `WITH patients AS (
         INSERT INTO patients (first_names, last_names, email)
         SELECT 'Paciente', 'Número ' || n, 'paciente' || n || '@example.test' FROM generate_series(1, $1) n
         RETURNING id)
       INSERT INTO appointments (patient_id, doctor_id, location_id, starts_at, ends_at, overbooked, created_at)
       SELECT id, $2, $3, date_trunc('minute', now()) + interval '20 hours',
              date_trunc('minute', now()) + interval '20 hours 30 minutes', true, now() - interval '2 days'
         FROM patients`,
      [REMINDERS, doctorId, locationId],
    );
    // A clinic's tables have planner statistics; a bulk load this size gets them from autovacuum
    // within a minute, here at once, so the plans are the ones a clinic would get.
    await db.query('ANALYZE patients, appointments');
    const count = async (sql) => (await db.query(sql)).rows[0].n;
    let queuedAt = null;
    let sent = 0;
    let lastLog = 0;
    while (Date.now() - started < 240_000) {
      const queued = await count(
        `SELECT count(*)::int AS n FROM outbox_messages WHERE template = 'appointment.reminder'`,
      );
      if (queuedAt === null && queued === REMINDERS) queuedAt = Date.now();
      sent = await count(
        `SELECT count(*)::int AS n FROM outbox_messages WHERE template = 'appointment.reminder' AND status = 'sent'`,
      );
      if (sent === REMINDERS) break;
      if (Date.now() - lastLog > 5000) {
        log(`queued ${queued}, sent ${sent}`);
        lastLog = Date.now();
      }
      await sleep(100);
    }
    const doneAt = Date.now();
    const perAppointment = await count(
      `SELECT count(DISTINCT related_id)::int AS n FROM outbox_messages WHERE template = 'appointment.reminder'`,
    );
    const ids = (
      await db.query(`SELECT message_id FROM outbox_messages WHERE template = 'appointment.reminder'`)
    ).rows.map((row) => row.message_id);
    const caught = ids.filter((id) => sink.received.has(id)).length;
    const seconds = (at) => (at === null ? null : Number(((at - started) / 1000).toFixed(1)));
    return {
      reminders: REMINDERS,
      instances: servers.length,
      queuedSeconds: seconds(queuedAt),
      deliveredSeconds: sent === REMINDERS ? seconds(doneAt) : null,
      perSecond: sent === REMINDERS ? Math.round(REMINDERS / ((doneAt - started) / 1000)) : null,
      sent,
      caught,
      verified: sent === REMINDERS && perAppointment === REMINDERS && caught === REMINDERS,
    };
  } finally {
    await db.end();
    sink.server?.close();
  }
}

export function remindersFailed(result) {
  return !result.verified;
}

export function formatReminders(result) {
  const met = result.deliveredSeconds !== null && result.deliveredSeconds <= REMINDER_TARGET_SECONDS;
  return [
    `Reminders: ${result.reminders.toLocaleString('en-US')} due at once, ${result.instances} API instance(s), scan every 5 s, delivered over SMTP to a local sink:`,
    `  all queued after ${result.queuedSeconds ?? 'n/a'} s, all delivered after ${result.deliveredSeconds ?? 'n/a'} s ` +
      `(${result.perSecond ?? 'n/a'} messages/s; target ≤ ${REMINDER_TARGET_SECONDS} s: ${met ? 'met' : 'NOT met'}).`,
    `  Checked: ${result.sent} sent, ${result.caught} caught, one reminder per appointment: ${result.verified ? 'yes' : 'NO'}.`,
  ].join('\n');
}
