import { createServer } from 'node:net';
import { Http } from './support/http';
import { setUpClinic } from './support/clinic';
import { startTestApp, type TestApp } from './support/test-app';

/** A loopback port nothing listens on: every SMTP connection to it is refused. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeout = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  if (!accept(value)) throw new Error(`gave up waiting; last value ${JSON.stringify(value)}`);
  return value;
}

describe('outbox with the SMTP server down', () => {
  let api: TestApp;
  let admin: Http;

  beforeAll(async () => {
    api = await startTestApp({
      SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`,
      OUTBOX_POLL_MS: '100',
      OUTBOX_RETRY_BASE_MS: '200',
      OUTBOX_MAX_ATTEMPTS: '3',
    });
    const http = new Http(api.baseUrl);
    admin = await http.loggedIn('admin');
    const receptionist = await http.loggedIn('receptionist');
    const clinic = await setUpClinic(admin, receptionist);
    await receptionist.patch(`/api/v1/patients/${clinic.patientIds[0]}`, { email: 'ana@example.test' });
    const booked = await receptionist.post('/api/v1/appointments', {
      patientId: clinic.patientIds[0],
      doctorId: clinic.doctorId,
      locationId: clinic.locationId,
      treatmentId: clinic.treatmentId,
      start: '2027-03-01T09:00:00-05:00',
    });
    expect(booked.status).toBe(201);
  });
  afterAll(() => api.close());

  it('keeps the message, retries it with backoff, marks it failed with the error, and the API stays up', async () => {
    const read = async () =>
      (await admin.get('/api/v1/outbox')).body.items[0] as Record<string, unknown> | undefined;
    const retrying = await eventually(
      read,
      (message) => !!message && message['status'] === 'pending' && Number(message['attempts']) >= 1,
    );
    expect(retrying!['lastError']).toMatch(/ECONNREFUSED|connect/i);
    expect(Date.parse(String(retrying!['nextAttemptAt']))).toBeGreaterThan(
      Date.parse(String(retrying!['updatedAt'])),
    );

    const failed = await eventually(read, (message) => message?.['status'] === 'failed');
    expect(failed).toMatchObject({ attempts: 3, sentAt: null });
    expect((await admin.get('/api/v1/outbox?status=failed')).body.counts).toMatchObject({
      failed: 1,
      sent: 0,
    });
    expect((await new Http(api.baseUrl).get('/api/v1/health')).status).toBe(200);

    // An admin may queue it again; it fails again (the server is still down) but is never lost.
    const resent = await admin.post(`/api/v1/outbox/${failed!['id']}/resend`, {});
    expect(resent.body).toMatchObject({ id: failed!['id'], status: 'pending', attempts: 0 });
    await eventually(read, (message) => message?.['status'] === 'failed' && message['attempts'] === 3);
    const cancelled = await admin.post(`/api/v1/outbox/${failed!['id']}/cancel`, {});
    expect(cancelled.body.status).toBe('cancelled');
    const [{ total }] = await api.sql<{ total: number }>(
      `SELECT count(*)::int AS total FROM outbox_messages`,
    );
    expect(total).toBe(1);
  });
});
