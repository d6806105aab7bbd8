import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { Http } from './support/http';
import { setUpClinic } from './support/clinic';
import { sleep } from './support/mail';
import { startApiProcess, type ApiProcess } from './support/api-process';

const REMINDERS = 300;

/**
 * Two API instances on one database, both running the reminder scan (every second here) and the
 * dispatcher, delivering to one SMTP server; one is killed with SIGKILL in the middle of its work
 * and started again. Every due reminder must arrive; one arrives twice only if its send completed
 * but its worker died before recording it (docs/notifications.md: "Exactly once, and its bound").
 */
describe('reminders with two instances, one killed mid-batch', () => {
  const database = `consultorio_test_${randomBytes(6).toString('hex')}`;
  const adminUrl = new URL(process.env['TEST_PG_ADMIN_URL'] as string);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;
  /** Message-IDs as the SMTP server received them, in order (a duplicate appears twice). */
  const received: string[] = [];
  let smtp: SMTPServer;
  let smtpPort: number;
  let db: Client;
  const instances: ApiProcess[] = [];

  const env = () => ({
    DATABASE_URL: databaseUrl.toString(),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SEED_DEMO_CLINIC: 'false',
    OUTBOX_POLL_MS: '100',
    // Small batches, so the kill lands while most reminders are still to send.
    OUTBOX_BATCH_SIZE: '10',
    OUTBOX_LEASE_SECONDS: '3',
    REMINDER_CRON: '* * * * * *',
    LOGIN_LIMIT_PER_IP: '100000',
    LOGIN_LIMIT_PER_ACCOUNT: '100000',
  });

  beforeAll(async () => {
    const admin = new Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        stream.on('end', () => {
          const id = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1];
          // A little latency per message, as a real relay has, so the kill lands mid-batch.
          setTimeout(() => {
            if (id) received.push(id);
            callback();
          }, 15);
        });
      },
    });
    // A client killed mid-session resets its connection; that is the point of the test.
    smtp.on('error', () => undefined);
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    db = new Client({ connectionString: databaseUrl.toString() });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.kill()));
    await db?.end().catch(() => undefined);
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    const admin = new Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('delivers every due reminder; only one whose send finished but was not recorded may come twice', async () => {
    // The first instance migrates and seeds; then the clinic and 300 appointments 20 h ahead,
    // booked two days ago, so all their 24 h reminders are due at once.
    const first = await startApiProcess({ ...env(), REMINDER_SCAN: 'false', OUTBOX_DISPATCH: 'false' });
    const http = new Http(first.baseUrl);
    const admin = await http.loggedIn('admin');
    const clinic = await setUpClinic(admin, await http.loggedIn('receptionist'));
    await admin.put('/api/v1/settings', { quietHoursStart: null, quietHoursEnd: null });
    await first.stop();
    await db.connect();
    await db.query(
      `WITH patients AS (
         INSERT INTO patients (first_names, last_names, email)
         SELECT 'Paciente', 'Número ' || n, 'paciente' || n || '@example.test' FROM generate_series(1, $1) n
         RETURNING id)
       INSERT INTO appointments (patient_id, doctor_id, location_id, starts_at, ends_at, overbooked, created_at)
       SELECT id, $2, $3, date_trunc('minute', now()) + interval '20 hours',
              date_trunc('minute', now()) + interval '20 hours 30 minutes', true, now() - interval '2 days'
         FROM patients`,
      [REMINDERS, clinic.doctorId, clinic.locationId],
    );

    const a = await startApiProcess(env());
    const b = await startApiProcess(env());
    instances.push(a, b);
    const deadline = Date.now() + 60_000;
    while (received.length < REMINDERS / 3 && Date.now() < deadline) await sleep(20);
    expect(received.length).toBeGreaterThan(0);
    expect(received.length).toBeLessThan(REMINDERS);
    await a.kill();
    const { rows: inFlight } = await db.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE status = 'sending'`,
    );
    const restarted = await startApiProcess(env());
    instances.push(restarted);

    let sent = 0;
    while (Date.now() < deadline + 60_000) {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE status = 'sent'`);
      sent = rows[0].n;
      if (sent === REMINDERS) break;
      await sleep(200);
    }
    expect(sent).toBe(REMINDERS);

    // One reminder per appointment, every one received.
    const { rows: messages } = await db.query<{ message_id: string; attempts: number }>(
      `SELECT message_id, attempts FROM outbox_messages WHERE template = 'appointment.reminder'`,
    );
    expect(messages).toHaveLength(REMINDERS);
    const { rows: perAppointment } = await db.query(
      `SELECT count(DISTINCT related_id)::int AS n FROM outbox_messages WHERE template = 'appointment.reminder'`,
    );
    expect(perAppointment[0].n).toBe(REMINDERS);
    await sleep(500);
    const counts = new Map<string, number>();
    for (const id of received) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const message of messages) expect(counts.get(message.message_id)).toBeGreaterThanOrEqual(1);
    // A message received twice was claimed twice (its first worker died holding it), and there
    // are at most as many as the killed instance had in flight.
    const twice = messages.filter((message) => (counts.get(message.message_id) ?? 0) > 1);
    for (const message of twice) expect(message.attempts).toBeGreaterThanOrEqual(2);
    expect(twice.length).toBeLessThanOrEqual(inFlight[0].n);
    expect(received.length).toBe(REMINDERS + twice.length);
  }, 240_000);
});
