import ICAL from 'ical.js';
import { ReminderScheduler } from '@consultorio/api/notifications';
import { expectProblem, Http } from './support/http';
import { setUpClinic, type TestClinic } from './support/clinic';
import {
  calendarOf,
  caughtMail,
  linksOf,
  messagesOf,
  sleep,
  waitForMessages,
  type OutboxMessage,
} from './support/mail';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 3_600_000;
const QUARTER = 15 * 60_000;
/** A quarter-hour instant about `hours` from now (appointments start on the slot grid). */
const fromNow = (hours: number) => new Date(Math.ceil((Date.now() + hours * HOUR) / QUARTER) * QUARTER);
/** HH:mm in Lima of an instant. */
const limaClock = (instant: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'America/Lima',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);

describe('appointment reminders', () => {
  let api: TestApp;
  let admin: Http;
  let receptionist: Http;
  let clinic: TestClinic;
  let scheduler: ReminderScheduler;

  /**
   * Books a patient (0 has an e-mail, 1 speaks English, 2 has no e-mail) `hours` ahead, as if two
   * days ago (so the reminder offsets have not passed since) unless `earlier` is false. Booked as
   * a deliberate overbooking, so the tests' appointments never collide with each other.
   */
  async function bookedEarlier(
    hours: number,
    patient = 0,
    earlier = true,
  ): Promise<{ id: string; start: Date }> {
    const start = fromNow(hours);
    const booked = await admin.post('/api/v1/appointments', {
      patientId: clinic.patientIds[patient],
      doctorId: clinic.doctorId,
      locationId: clinic.locationId,
      durationMinutes: 15,
      start: start.toISOString(),
      overbooked: true,
    });
    if (booked.status !== 201) throw new Error(booked.text);
    if (earlier)
      await api.sql(`UPDATE appointments SET created_at = now() - interval '2 days' WHERE id = $1`, [
        booked.body.id,
      ]);
    return { id: booked.body.id, start };
  }
  const reminders = (id: string) => messagesOf(admin, id, 'appointment.reminder');
  const sentReminders = (id: string, count = 1) =>
    waitForMessages(
      admin,
      id,
      (items) => items.length === count && items.every((m) => m.status === 'sent'),
      'appointment.reminder',
    );
  /** A link's path and query, for this test server (links start with PUBLIC_URL). */
  const pathOf = (link: string) => {
    const url = new URL(link);
    return url.pathname + url.search;
  };

  beforeAll(async () => {
    api = await startTestApp({ OUTBOX_POLL_MS: '100', REMINDER_SCAN: 'false' });
    scheduler = api.app.get(ReminderScheduler);
    const http = new Http(api.baseUrl);
    admin = await http.loggedIn('admin');
    receptionist = await http.loggedIn('receptionist');
    clinic = await setUpClinic(admin, receptionist);
    // Around the clock, so the tests can book at any hour they run.
    for (let weekday = 1; weekday <= 7; weekday++) {
      for (const [start, end] of [
        ['00:00', '08:00'],
        ['20:00', '24:00'],
      ]) {
        await admin.post(`/api/v1/doctors/${clinic.doctorId}/schedule/hours`, {
          locationId: clinic.locationId,
          weekday,
          start,
          end,
          validFrom: '2026-01-01',
        });
      }
    }
    const settings = await admin.put('/api/v1/settings', {
      name: 'Clínica Sonrisa',
      phone: '+51 1 445 1200',
      quietHoursStart: null,
      quietHoursEnd: null,
    });
    expect(settings.status).toBe(200);
    await receptionist.patch(`/api/v1/patients/${clinic.patientIds[0]}`, {
      email: 'ana.prueba@example.test',
    });
    await receptionist.patch(`/api/v1/patients/${clinic.patientIds[1]}`, {
      email: 'john.test@example.test',
      preferredLanguage: 'en',
    });
  });
  afterAll(() => api.close());

  it('queues one reminder 24 h ahead, however often and wherever the scan runs, with a parseable .ics and links', async () => {
    const appointment = await bookedEarlier(23);
    const far = await bookedEarlier(30);
    // Two scans at once (as on two instances) and one after: one reminder, and none for the far one.
    await Promise.all([scheduler.run(), scheduler.run()]);
    await scheduler.run();
    const [reminder] = await sentReminders(appointment.id);
    expect(await reminders(far.id)).toEqual([]);
    expect(reminder).toMatchObject({
      recipient: 'ana.prueba@example.test',
      subject: 'Recordatorio: su cita en Clínica Sonrisa',
    });
    const [keys] = await api.sql<{ count: number }>(
      `SELECT count(*)::int FROM outbox_messages WHERE related_id = $1 AND template = 'appointment.reminder'`,
      [appointment.id],
    );
    expect(keys.count).toBe(1);

    const [mail] = await caughtMail(admin, reminder.id);
    expect(mail.text).toContain(`${limaClock(appointment.start)} (`);
    expect(mail.text).toContain('America/Lima');
    const calendar = new ICAL.Component(ICAL.parse(calendarOf(mail)));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(`appointment-${appointment.id}@consultorio`);
    expect(event.startDate.toJSDate().toISOString()).toBe(appointment.start.toISOString());
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const links = linksOf(mail);
    expect(links.confirm).toContain('/api/v1/appointment-links/confirm?token=');
    expect(mail.html).toContain('Confirmar asistencia');
  });

  it('sends only the confirmation for an appointment booked inside the offset, and nothing for cancelled or completed ones', async () => {
    const late = await bookedEarlier(20, 0, false);
    const cancelled = await bookedEarlier(22);
    await receptionist.patch(`/api/v1/appointments/${cancelled.id}/status`, {
      status: 'cancelled',
      reason: 'Viaje',
    });
    const completed = await bookedEarlier(21);
    await api.sql(`UPDATE appointments SET status = 'completed' WHERE id = $1`, [completed.id]);
    await scheduler.run();
    await waitForMessages(admin, late.id, (items) =>
      items.some((m) => m.template === 'appointment.confirmation'),
    );
    await sleep(300);
    expect(await reminders(late.id)).toEqual([]);
    expect(await reminders(cancelled.id)).toEqual([]);
    expect(await reminders(completed.id)).toEqual([]);
  });

  it('re-targets a moved appointment: no reminder for the old time, one for the new', async () => {
    // Quiet hours now, so the first reminder waits in the queue.
    const now = new Date();
    await admin.put('/api/v1/settings', {
      quietHoursStart: limaClock(new Date(now.getTime() - HOUR)),
      quietHoursEnd: limaClock(new Date(now.getTime() + HOUR)),
    });
    const appointment = await bookedEarlier(12);
    await scheduler.run();
    const [held] = await reminders(appointment.id);
    await sleep(400);
    expect((await reminders(appointment.id))[0].status).toBe('pending');

    const moved = new Date(appointment.start.getTime() + 2 * HOUR);
    expect(
      (await receptionist.put(`/api/v1/appointments/${appointment.id}`, { start: moved.toISOString() }))
        .status,
    ).toBe(200);
    await api.sql(
      `UPDATE appointment_events SET at = now() - interval '2 days' WHERE appointment_id = $1 AND kind = 'rescheduled'`,
      [appointment.id],
    );
    await scheduler.run();
    await admin.put('/api/v1/settings', { quietHoursStart: null, quietHoursEnd: null });
    const after = await waitForMessages(
      admin,
      appointment.id,
      (items) => items.length === 2 && items.some((m) => m.status === 'sent'),
      'appointment.reminder',
    );
    const old = after.find((message) => message.id === held.id) as OutboxMessage;
    const fresh = after.find((message) => message.id !== held.id) as OutboxMessage;
    expect(old.status).toBe('cancelled');
    expect(old.lastError).toMatch(/moved/);
    expect(fresh.status).toBe('sent');
    const [mail] = await caughtMail(admin, fresh.id);
    expect(mail.text).toContain(limaClock(moved));
  });

  it('after an outage (both 24 h and 2 h due) sends only the nearest reminder', async () => {
    const offsets = await admin.put('/api/v1/settings', { reminderOffsetsHours: [24, 2] });
    expect(offsets.body.reminderOffsetsHours).toEqual([24, 2]);
    const soon = await bookedEarlier(1.5);
    await scheduler.run();
    const [only] = await sentReminders(soon.id);
    const [{ dedupe_key }] = await api.sql<{ dedupe_key: string }>(
      `SELECT dedupe_key FROM outbox_messages WHERE id = $1`,
      [only.id],
    );
    expect(dedupe_key).toMatch(new RegExp(`^appointment\\.reminder:${soon.id}:2h:`));
    await admin.put('/api/v1/settings', { reminderOffsetsHours: [24] });
  });

  it('holds reminders during quiet hours and sends them after, in the patient’s language', async () => {
    const now = new Date();
    await admin.put('/api/v1/settings', {
      quietHoursStart: limaClock(new Date(now.getTime() - HOUR)),
      quietHoursEnd: limaClock(new Date(now.getTime() + HOUR)),
    });
    const appointment = await bookedEarlier(10, 1);
    await scheduler.run();
    await sleep(500);
    const [held] = await reminders(appointment.id);
    expect(held.status).toBe('pending');
    await admin.put('/api/v1/settings', { quietHoursStart: null, quietHoursEnd: null });
    const [sent] = await sentReminders(appointment.id);
    expect(sent.subject).toBe('Reminder: your appointment at Clínica Sonrisa');
    const [mail] = await caughtMail(admin, sent.id);
    expect(mail.html).toContain('Confirm I will attend');
  });

  it('sends no more scheduled messages a day than the daily cap; the rest wait', async () => {
    const [{ claimed }] = await api.sql<{ claimed: number }>(
      `SELECT COALESCE((SELECT scheduled_claimed FROM outbox_daily_sends
                         WHERE day = (now() AT TIME ZONE 'America/Lima')::date), 0) AS claimed`,
    );
    await admin.put('/api/v1/settings', { dailySendCap: claimed + 2 });
    const appointments = [await bookedEarlier(14), await bookedEarlier(14), await bookedEarlier(14)];
    await scheduler.run();
    await sleep(1500);
    const statuses = (await Promise.all(appointments.map((a) => reminders(a.id)))).map(
      ([message]) => message.status,
    );
    expect(statuses.filter((status) => status === 'sent')).toHaveLength(2);
    expect(statuses.filter((status) => status === 'pending')).toHaveLength(1);
    // Transactional mail is not held by the cap: a booking confirmation still goes out.
    const extra = await bookedEarlier(40);
    await waitForMessages(
      admin,
      extra.id,
      (items) => items.some((m) => m.status === 'sent'),
      'appointment.confirmation',
    );
    await admin.put('/api/v1/settings', { dailySendCap: null });
    await waitForMessages(
      admin,
      appointments[statuses.indexOf('pending')].id,
      (items) => items[0]?.status === 'sent',
      'appointment.reminder',
    );
  });

  it('lets staff send a reminder now, even in quiet hours, and says why not when it cannot', async () => {
    const now = new Date();
    await admin.put('/api/v1/settings', {
      quietHoursStart: limaClock(new Date(now.getTime() - HOUR)),
      quietHoursEnd: limaClock(new Date(now.getTime() + HOUR)),
    });
    const appointment = await bookedEarlier(48);
    const sent = await receptionist.post(`/api/v1/appointments/${appointment.id}/reminder`);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({
      template: 'appointment.reminder',
      recipient: 'ana.prueba@example.test',
    });
    await sentReminders(appointment.id);
    const [audit] = await api.sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'outbox_message' AND entity_id = $1`,
      [sent.body.id],
    );
    expect(audit.action).toBe('create');

    const noEmail = await bookedEarlier(49, 2);
    expect(
      expectProblem(await receptionist.post(`/api/v1/appointments/${noEmail.id}/reminder`), 422).errors,
    ).toEqual([expect.objectContaining({ field: 'patient.email' })]);
    await receptionist.patch(`/api/v1/appointments/${appointment.id}/status`, {
      status: 'cancelled',
      reason: 'Viaje',
    });
    expectProblem(await receptionist.post(`/api/v1/appointments/${appointment.id}/reminder`), 409);
    expectProblem(
      await receptionist.post(`/api/v1/appointments/00000000-0000-4000-8000-000000000000/reminder`),
      404,
    );
    const patient = await new Http(api.baseUrl).loggedIn('patient');
    expectProblem(await patient.post(`/api/v1/appointments/${noEmail.id}/reminder`), 403);
    await admin.put('/api/v1/settings', { quietHoursStart: null, quietHoursEnd: null });
  });

  describe('confirm and cancel links', () => {
    async function reminderLinks(appointmentId: string) {
      const sent = await receptionist.post(`/api/v1/appointments/${appointmentId}/reminder`);
      expect(sent.status).toBe(202);
      await waitForMessages(admin, appointmentId, (items) =>
        items.some((m) => m.id === sent.body.id && m.status === 'sent'),
      );
      const [mail] = await caughtMail(admin, sent.body.id);
      return linksOf(mail);
    }
    const open = (link: string, accept = 'text/html') =>
      new Http(api.baseUrl).request('GET', pathOf(link), undefined, { headers: { accept } });
    const press = (link: string, accept = 'text/html') =>
      new Http(api.baseUrl).request('POST', pathOf(link), undefined, {
        headers: { accept, 'content-type': 'text/plain' },
        raw: 'action=go',
      });

    it('confirm: the link shows the appointment and a button; the button confirms, and the history says the patient did it', async () => {
      const appointment = await bookedEarlier(72);
      const links = await reminderLinks(appointment.id);
      const page = await open(links.confirm);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.text).toContain('¿Confirma su asistencia?');
      expect(page.text).toContain('<form method="post"');
      expect(page.text).toContain(limaClock(appointment.start));
      // Opening changes nothing (mail scanners open links).
      expect((await receptionist.get(`/api/v1/appointments/${appointment.id}`)).body.status).toBe(
        'scheduled',
      );

      const done = await press(links.confirm);
      expect(done.status).toBe(200);
      expect(done.text).toContain('Cita confirmada');
      expect((await receptionist.get(`/api/v1/appointments/${appointment.id}`)).body.status).toBe(
        'confirmed',
      );
      const history = await receptionist.get(`/api/v1/appointments/${appointment.id}/history`);
      expect(history.body.items.at(-1)).toMatchObject({
        kind: 'status_changed',
        fromStatus: 'scheduled',
        toStatus: 'confirmed',
        by: 'patient',
        via: 'email_link',
        actorId: null,
      });
      const again = await press(links.confirm, 'application/json');
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ outcome: 'already-confirmed', appointmentId: appointment.id });
      // A confirm token does not cancel, and a tampered one is no link at all.
      const token = new URL(links.confirm).searchParams.get('token') as string;
      expect((await press(`${api.baseUrl}/api/v1/appointment-links/cancel?token=${token}`)).status).toBe(404);
      expectProblem(
        await press(
          links.confirm.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
          'application/json',
        ),
        404,
      );
    });

    it('cancel: cancels as the patient and frees the slot for another booking', async () => {
      const start = fromNow(80);
      const booked = await receptionist.post('/api/v1/appointments', {
        patientId: clinic.patientIds[0],
        doctorId: clinic.doctorId,
        locationId: clinic.locationId,
        durationMinutes: 15,
        start: start.toISOString(),
      });
      expect(booked.status).toBe(201);
      const appointment = { id: booked.body.id as string, start };
      const taken = await receptionist.post('/api/v1/appointments', {
        patientId: clinic.patientIds[1],
        doctorId: clinic.doctorId,
        locationId: clinic.locationId,
        durationMinutes: 15,
        start: start.toISOString(),
      });
      expect(taken.status).toBe(409);
      const links = await reminderLinks(appointment.id);
      expect((await open(links.cancel)).text).toContain('¿Desea cancelar su cita?');
      const done = await press(links.cancel, 'application/json');
      expect(done.body).toMatchObject({ outcome: 'cancelled' });
      const cancelled = (await receptionist.get(`/api/v1/appointments/${appointment.id}`)).body;
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        cancelReason: 'Cancelled by the patient from the e-mail link',
      });
      const history = (await receptionist.get(`/api/v1/appointments/${appointment.id}/history`)).body.items;
      expect(history.at(-1)).toMatchObject({ toStatus: 'cancelled', by: 'patient', via: 'email_link' });
      const rebooked = await receptionist.post('/api/v1/appointments', {
        patientId: clinic.patientIds[1],
        doctorId: clinic.doctorId,
        locationId: clinic.locationId,
        durationMinutes: 15,
        start: appointment.start.toISOString(),
      });
      expect(rebooked.status).toBe(201);
      // The cancellation e-mail follows, without links.
      const [cancellation] = await waitForMessages(
        admin,
        appointment.id,
        (items) => items.some((m) => m.status === 'sent'),
        'appointment.cancelled',
      );
      expect((await caughtMail(admin, cancellation.id))[0].text).not.toContain('appointment-links');
    });

    it('cancel within the policy window shows the clinic’s phone instead; a moved appointment’s old link is refused', async () => {
      await admin.put('/api/v1/settings', { cancellationPolicyHours: 96 });
      const appointment = await bookedEarlier(90);
      const links = await reminderLinks(appointment.id);
      const late = await open(links.cancel);
      expect(late.status).toBe(422);
      expect(late.text).toContain('Ya no es posible cancelar en línea');
      expect(late.text).toContain('+51 1 445 1200');
      expect((await press(links.cancel)).status).toBe(422);
      expect((await receptionist.get(`/api/v1/appointments/${appointment.id}`)).body.status).toBe(
        'scheduled',
      );
      // Confirming is still fine inside the window.
      await admin.put('/api/v1/settings', { cancellationPolicyHours: 24 });

      await receptionist.put(`/api/v1/appointments/${appointment.id}`, {
        start: new Date(appointment.start.getTime() + HOUR).toISOString(),
      });
      const moved = await open(links.confirm, 'text/html');
      expect(moved.status).toBe(409);
      expect(moved.text).toContain('La cita cambió de horario');
      expectProblem(await press(links.confirm, 'application/json'), 409);
      expect((await open(`${api.baseUrl}/api/v1/appointment-links/delete?token=abc.def`)).status).toBe(404);
    });

    it('answers in English for English-speaking patients, and on ?lang=en', async () => {
      const appointment = await bookedEarlier(100, 1);
      const links = await reminderLinks(appointment.id);
      expect((await open(links.confirm)).text).toContain('Will you attend?');
      expect((await open(`${links.confirm}&lang=es`)).text).toContain('¿Confirma su asistencia?');
    });
  });
});
