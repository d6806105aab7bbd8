import { DataSource } from 'typeorm';
import { OutboxService } from '@consultorio/api/notifications';
import { expectProblem, Http } from './support/http';
import { setUpClinic } from './support/clinic';
import { startTestApp, type TestApp } from './support/test-app';

// 2027-03-01 is a Monday; the clinic is in America/Lima (UTC−5): 09:00 local = 14:00Z.
const at = (localTime: string, date = '2027-03-01') => `${date}T${localTime}:00-05:00`;

interface Message {
  id: string;
  template: string;
  status: string;
  recipient: string;
  subject: string;
  attempts: number;
  messageId: string;
}
interface Caught {
  to: string[];
  subject: string;
  html: string;
  text: string;
  messageId: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

/** Reads until the value is `expected` (or fails after `timeout` ms). */
async function eventually<T>(read: () => Promise<T>, expected: T, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (value !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  expect(value).toBe(expected);
}

describe('notifications: outbox, dispatcher and the embedded mail catcher', () => {
  let api: TestApp;
  let admin: Http;
  let receptionist: Http;
  let clinic: Awaited<ReturnType<typeof setUpClinic>>;

  /** The appointment's messages once every one of them has been sent. */
  async function sentMessages(appointmentId: string, count: number): Promise<Message[]> {
    for (let tries = 0; tries < 100; tries++) {
      const page = await admin.get(`/api/v1/outbox?relatedId=${appointmentId}&sort=createdAt`);
      const items = page.body.items as Message[];
      if (items.length === count && items.every((item) => item.status === 'sent')) return items;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`messages of ${appointmentId} not sent in time`);
  }
  const caught = async (id: string) => (await admin.get(`/api/v1/outbox/${id}/caught`)).body as Caught[];
  const calendarOf = (mail: Caught) =>
    Buffer.from(
      mail.attachments.find((file) => file.filename.endsWith('.ics'))!.content,
      'base64',
    ).toString();

  beforeAll(async () => {
    api = await startTestApp({ OUTBOX_POLL_MS: '100' });
    const http = new Http(api.baseUrl);
    admin = await http.loggedIn('admin');
    receptionist = await http.loggedIn('receptionist');
    clinic = await setUpClinic(admin, receptionist);
    await admin.put('/api/v1/settings', { name: 'Clínica Sonrisa', phone: '+51 1 445 1200' });
    await receptionist.patch(`/api/v1/patients/${clinic.patientIds[0]}`, {
      email: 'ana.prueba@example.test',
    });
  });
  afterAll(() => api.close());

  it('e-mails a booking confirmation over SMTP, in Spanish, with a calendar file in the clinic’s time', async () => {
    const booked = await receptionist.post('/api/v1/appointments', {
      patientId: clinic.patientIds[0],
      doctorId: clinic.doctorId,
      locationId: clinic.locationId,
      treatmentId: clinic.treatmentId,
      start: at('09:00'),
    });
    expect(booked.status).toBe(201);
    const [message] = await sentMessages(booked.body.id, 1);
    expect(message).toMatchObject({
      template: 'appointment.confirmation',
      recipient: 'ana.prueba@example.test',
      subject: 'Su cita en Clínica Sonrisa está reservada',
      attempts: 1,
    });
    const [mail] = await caught(message.id);
    expect(mail.to).toEqual(['ana.prueba@example.test']);
    expect(mail.messageId).toBe(message.messageId);
    expect(mail.text).toContain('lunes, 1 de marzo de 2027, 09:00');
    expect(mail.text).toContain('America/Lima');
    expect(mail.text).toContain('Dra. Daniela Núñez');
    expect(mail.text).toContain('+51 1 445 1200');
    expect(mail.html).toContain('Paciente 0 Prueba');
    const calendar = calendarOf(mail);
    expect(calendar).toContain('METHOD:REQUEST');
    expect(calendar).toContain(`UID:appointment-${booked.body.id}@consultorio`);
    expect(calendar).toContain('DTSTART;TZID=America/Lima:20270301T090000');
    expect(calendar).toContain('DTEND;TZID=America/Lima:20270301T093000');
    expect(calendar).toContain('BEGIN:VTIMEZONE');
  });

  it('sends a move with the new time for the same calendar entry, and a cancellation that removes it', async () => {
    const booked = await receptionist.post('/api/v1/appointments', {
      patientId: clinic.patientIds[0],
      doctorId: clinic.doctorId,
      locationId: clinic.locationId,
      treatmentId: clinic.treatmentId,
      start: at('10:00'),
    });
    const [confirmation] = await sentMessages(booked.body.id, 1);
    await receptionist.put(`/api/v1/appointments/${booked.body.id}`, { start: at('11:00') });
    const [, moved] = await sentMessages(booked.body.id, 2);
    expect(moved.template).toBe('appointment.rescheduled');
    const [movedMail] = await caught(moved.id);
    expect(movedMail.text).toContain('11:00');
    expect(movedMail.text).toContain('Antes: lunes, 1 de marzo de 2027, 10:00');
    const first = calendarOf((await caught(confirmation.id))[0]);
    const second = calendarOf(movedMail);
    const sequence = (ics: string) => Number(/SEQUENCE:(\d+)/.exec(ics)?.[1]);
    expect(second).toContain(`UID:appointment-${booked.body.id}@consultorio`);
    expect(sequence(second)).toBeGreaterThan(sequence(first));
    expect(second).toContain('DTSTART;TZID=America/Lima:20270301T110000');

    await receptionist.patch(`/api/v1/appointments/${booked.body.id}/status`, {
      status: 'cancelled',
      reason: 'El paciente llamó',
    });
    const [, , cancelled] = await sentMessages(booked.body.id, 3);
    expect(cancelled.template).toBe('appointment.cancelled');
    const cancelCalendar = calendarOf((await caught(cancelled.id))[0]);
    expect(cancelCalendar).toContain('METHOD:CANCEL');
    expect(cancelCalendar).toContain('STATUS:CANCELLED');
    expect(sequence(cancelCalendar)).toBeGreaterThan(sequence(second));
  });

  it('writes to patients in their language, and not at all to patients without an e-mail', async () => {
    await receptionist.patch(`/api/v1/patients/${clinic.patientIds[1]}`, {
      email: 'john@example.test',
      preferredLanguage: 'en',
    });
    const english = await receptionist.post('/api/v1/appointments', {
      patientId: clinic.patientIds[1],
      doctorId: clinic.doctorId,
      locationId: clinic.locationId,
      treatmentId: clinic.treatmentId,
      start: at('12:00'),
    });
    const [message] = await sentMessages(english.body.id, 1);
    expect(message.subject).toBe('Your appointment at Clínica Sonrisa is booked');
    expect((await caught(message.id))[0].text).toContain('Monday, March 1, 2027 at 12:00');

    const silent = await receptionist.post('/api/v1/appointments', {
      patientId: clinic.patientIds[2],
      doctorId: clinic.doctorId,
      locationId: clinic.locationId,
      treatmentId: clinic.treatmentId,
      start: at('13:00'),
    });
    await eventually(
      async () =>
        (
          await api.sql(`SELECT 1 FROM domain_events WHERE aggregate_id = $1 AND notified_at IS NOT NULL`, [
            silent.body.id,
          ])
        ).length,
      1,
    );
    expect((await admin.get(`/api/v1/outbox?relatedId=${silent.body.id}`)).body.total).toBe(0);
  });

  it('queues a message once per dedupe key, and takes back a message whose worker died mid-send', async () => {
    const outbox = api.app.get(OutboxService);
    const message = {
      recipient: 'x@example.test',
      template: 'test',
      locale: 'es',
      subject: 'Prueba',
      html: '<p>Hola</p>',
      text: 'Hola',
      dedupeKey: 'test:once',
    };
    const first = await api.app.get(DataSource).transaction((manager) => outbox.enqueue(manager, message));
    const second = await api.app.get(DataSource).transaction((manager) => outbox.enqueue(manager, message));
    expect([first, second]).toEqual([true, false]);

    // A row left "sending" by a crashed worker, its lease run out: another round sends it.
    const [{ id }] = await api.sql<{ id: string }>(
      `INSERT INTO outbox_messages (recipient, template, locale, subject, body_html, body_text, dedupe_key, message_id,
                                    status, attempts, lease_until)
       VALUES ('lost@example.test', 'test', 'es', 'Perdido', '<p>x</p>', 'x', 'test:lost', '<lost@consultorio.local>',
               'sending', 1, now() - interval '1 second') RETURNING id`,
    );
    await eventually(async () => (await admin.get(`/api/v1/outbox/${id}`)).body.status, 'sent');
    expect((await admin.get(`/api/v1/outbox/${id}`)).body.attempts).toBe(2);
  });

  it('lets admins resend a sent message as a copy, and refuses what is already on its way', async () => {
    const [{ id }] = await api.sql<{ id: string }>(
      `SELECT id FROM outbox_messages WHERE status = 'sent' LIMIT 1`,
    );
    const copy = await admin.post(`/api/v1/outbox/${id}/resend`, {});
    expect(copy.status).toBe(200);
    expect(copy.body.id).not.toBe(id);
    await eventually(async () => (await admin.get(`/api/v1/outbox/${copy.body.id}`)).body.status, 'sent');
    expectProblem(await admin.post(`/api/v1/outbox/${id}/cancel`, {}), 409);
    expectProblem(await receptionist.get('/api/v1/outbox'), 403);
    const list = await admin.get('/api/v1/outbox?status=sent&pageSize=2');
    expect(list.body.items).toHaveLength(2);
    expect(list.body.counts.sent).toBe(list.body.total);
  });
});
