import { expectProblem, Http } from './support/http';
import { setUpClinic, type TestClinic } from './support/clinic';
import { startTestApp, type TestApp } from './support/test-app';

interface Slot {
  start: string;
  end: string;
  doctorId: string;
}

describe('available slots', () => {
  let api: TestApp;
  let admin: Http;
  let receptionist: Http;
  let clinic: TestClinic;

  const slots = async (query: string, path?: string): Promise<Slot[]> => {
    const response = await receptionist.get(
      path ?? `/api/v1/doctors/${clinic.doctorId}/available-slots?${query}`,
    );
    if (response.status !== 200) throw new Error(response.text);
    return response.body;
  };
  const local = (slot: Slot) =>
    new Date(slot.start).toLocaleString('sv-SE', { timeZone: 'America/Santiago' }).slice(0, 16);

  beforeAll(async () => {
    api = await startTestApp();
    const http = new Http(api.baseUrl);
    admin = await http.loggedIn('admin');
    receptionist = await http.loggedIn('receptionist');
    // A Chilean clinic: Santiago changes its clocks (2027-04-04 back, 2027-09-05 forward).
    clinic = await setUpClinic(admin, receptionist, 'America/Santiago');
    await admin.put('/api/v1/settings', { slotGranularityMinutes: 30 });
  });
  afterAll(() => api.close());

  it('offers 24 half-hour slots a day from 08:00 to 20:00 local, around both DST changes', async () => {
    for (const [from, to] of [
      ['2027-04-03', '2027-04-05'],
      ['2027-09-04', '2027-09-06'],
    ]) {
      const found = await slots(
        `from=${from}&to=${to}&locationId=${clinic.locationId}&treatmentId=${clinic.treatmentId}`,
      );
      const byDay = new Map<string, string[]>();
      for (const slot of found) {
        const [day, time] = local(slot).split(' ');
        byDay.set(day, [...(byDay.get(day) ?? []), time]);
      }
      expect([...byDay.keys()]).toEqual([
        from,
        new Date(Date.parse(from) + 86_400_000).toISOString().slice(0, 10),
        to,
      ]);
      for (const times of byDay.values()) {
        expect(times).toHaveLength(24);
        expect(times[0]).toBe('08:00');
        expect(times[23]).toBe('19:30');
      }
    }
  });

  it('leaves out bookings, blocks and holidays, and keeps the buffer', async () => {
    const query = `from=2027-05-03&to=2027-05-03&locationId=${clinic.locationId}&durationMinutes=30`;
    const before = await slots(query);
    expect(before).toHaveLength(24);
    const booked = await receptionist.post('/api/v1/appointments', {
      patientId: clinic.patientIds[0],
      doctorId: clinic.doctorId,
      locationId: clinic.locationId,
      treatmentId: clinic.treatmentId,
      start: before[4].start,
    });
    expect(booked.status).toBe(201);
    await admin.post(`/api/v1/doctors/${clinic.doctorId}/schedule/blocks`, {
      kind: 'block',
      start: before[10].start,
      end: before[12].start,
    });
    const after = await slots(query);
    expect(after.map((slot) => slot.start)).not.toContain(before[4].start);
    expect(after.map((slot) => slot.start)).not.toContain(before[10].start);
    expect(after.map((slot) => slot.start)).not.toContain(before[11].start);
    expect(after).toHaveLength(21);

    await admin.put('/api/v1/settings', { defaultBufferMinutes: 10 });
    const buffered = await slots(query);
    // The neighbours of the booking no longer keep 10 free minutes.
    expect(buffered.map((slot) => slot.start)).not.toContain(before[3].start);
    expect(buffered.map((slot) => slot.start)).not.toContain(before[5].start);
    await admin.put('/api/v1/settings', { defaultBufferMinutes: 0 });

    await admin.post('/api/v1/holidays', { date: '2027-05-03', name: 'Feriado' });
    expect(await slots(query)).toEqual([]);
  });

  it('finds slots across the doctors of a specialty, earliest first', async () => {
    const path = `/api/v1/appointments/available-slots?from=2027-06-07&to=2027-06-07&locationId=${clinic.locationId}&treatmentId=${clinic.treatmentId}`;
    const found = await slots('', path);
    expect(found).toHaveLength(24);
    expect(found.every((slot) => slot.doctorId === clinic.doctorId)).toBe(true);
    expect(found.map((slot) => slot.start)).toEqual([...found.map((slot) => slot.start)].sort());
  });

  it('validates the range and the duration', async () => {
    const base = `/api/v1/doctors/${clinic.doctorId}/available-slots?locationId=${clinic.locationId}&durationMinutes=30`;
    expectProblem(await receptionist.get(`${base}&from=2027-01-01&to=2027-06-01`), 422);
    expectProblem(await receptionist.get(`${base}&from=2027-01-02&to=2027-01-01`), 422);
    expectProblem(await receptionist.get(`${base}&from=2027-13-01&to=2027-13-02`), 400);
    expectProblem(
      await receptionist.get(
        `/api/v1/doctors/${clinic.doctorId}/available-slots?locationId=${clinic.locationId}&from=2027-01-01&to=2027-01-01`,
      ),
      422,
    );
  });
});
