import { expectProblem, Http } from './support/http';
import { setUpClinic } from './support/clinic';
import { startTestApp, type TestApp } from './support/test-app';

interface Message {
  id: string;
  status: string;
  recipient: string;
  subject: string;
  attachments: { filename: string; contentType: string; size: number }[];
}

/** What the console's outbox page asks of the API besides the list and detail: search and files. */
describe('outbox for the console: search by recipient or subject, attachments as sent', () => {
  let api: TestApp;
  let admin: Http;
  let receptionist: Http;
  let message: Message;

  beforeAll(async () => {
    api = await startTestApp({ OUTBOX_POLL_MS: '100' });
    const http = new Http(api.baseUrl);
    admin = await http.loggedIn('admin');
    receptionist = await http.loggedIn('receptionist');
    const clinic = await setUpClinic(admin, receptionist);
    await admin.put('/api/v1/settings', { name: 'Clínica Sonrisa' });
    await receptionist.patch(`/api/v1/patients/${clinic.patientIds[0]}`, {
      email: 'lucia.rojas@example.test',
    });
    const booked = await receptionist.post('/api/v1/appointments', {
      patientId: clinic.patientIds[0],
      doctorId: clinic.doctorId,
      locationId: clinic.locationId,
      treatmentId: clinic.treatmentId,
      start: '2027-03-01T09:00:00-05:00',
    });
    expect(booked.status).toBe(201);
    for (let tries = 0; tries < 150 && message?.status !== 'sent'; tries++) {
      if (tries) await new Promise((resolve) => setTimeout(resolve, 100));
      message = (await admin.get(`/api/v1/outbox?relatedId=${booked.body.id}`)).body.items[0];
    }
    expect(message.status).toBe('sent');
  });
  afterAll(() => api.close());

  it('finds messages by part of the recipient or of the subject, case-insensitively, and nothing else', async () => {
    const search = async (q: string) =>
      ((await admin.get(`/api/v1/outbox?q=${encodeURIComponent(q)}`)).body.items as Message[]).map(
        (item) => item.id,
      );
    expect(await search('LUCIA.ROJAS')).toEqual([message.id]);
    expect(await search('cita en clínica sonrisa')).toEqual([message.id]);
    expect(await search('nadie@example.test')).toEqual([]);
    // Wildcards are searched for literally.
    expect(await search('%')).toEqual([]);
    const page = (await admin.get('/api/v1/outbox?q=sonrisa&status=failed')).body;
    expect(page).toMatchObject({ items: [], total: 0, counts: { sent: 1 } });
  });

  it('serves an attachment exactly as it was sent, named, with its content type', async () => {
    expect(message.attachments).toEqual([
      {
        filename: 'cita.ics',
        contentType: expect.stringMatching(/^text\/calendar/),
        size: expect.any(Number),
      },
    ]);
    const response = await admin.get(`/api/v1/outbox/${message.id}/attachments/0`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="cita.ics"; filename*=UTF-8''cita.ics`,
    );
    expect(Buffer.byteLength(response.text)).toBe(message.attachments[0].size);
    expect(response.text).toContain('BEGIN:VCALENDAR');

    const [caught] = (await admin.get(`/api/v1/outbox/${message.id}/caught`)).body;
    expect(Buffer.from(caught.attachments[0].content, 'base64').toString()).toBe(response.text);
  });

  it('answers 404 for an attachment the message does not have, 400 for a bad index, 403 to other roles', async () => {
    expectProblem(await admin.get(`/api/v1/outbox/${message.id}/attachments/1`), 404);
    expectProblem(await admin.get(`/api/v1/outbox/${message.id}/attachments/-1`), 404);
    expectProblem(await admin.get(`/api/v1/outbox/${message.id}/attachments/first`), 400);
    expectProblem(await admin.get('/api/v1/outbox/7a0c3f52-5d1e-4c1b-9a57-3c1f2f0e8b11/attachments/0'), 404);
    expectProblem(await receptionist.get(`/api/v1/outbox/${message.id}/attachments/0`), 403);
  });
});
