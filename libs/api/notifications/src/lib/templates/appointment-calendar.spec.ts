import ICAL from 'ical.js';
import { Language, MessageTemplate } from '@consultorio/shared/contracts';
import { appointmentCalendar, type AppointmentMailData } from './appointment-mail';

const appointment = (start: string, end: string, timeZone: string): AppointmentMailData => ({
  appointmentId: '4f1c2d9e-8a7b-4c3d-9e2f-1a2b3c4d5e6f',
  sequence: 2,
  start,
  end,
  timeZone,
  language: Language.Es,
  clinicName: 'Clínica Sonrisa',
  doctorName: 'Dra. Ana Torres',
  treatmentName: 'Limpieza dental',
  locationName: 'Sede Centro',
  locationAddress: 'Av. Providencia 1234',
  patientName: 'Ana Núñez',
  clinicAddress: null,
  clinicPhone: null,
});

/** The calendar file parsed as a calendar app would, with its own time zone definitions. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('appointment calendar file', () => {
  afterEach(() => ICAL.TimezoneService.reset());

  it.each([
    // Santiago on either side of both 2027 clock changes (April 4: -03 → -04; September 5: -04 → -03).
    ['2027-04-03T12:00:00Z', '2027-04-03T12:30:00Z', 'America/Santiago', '20270403T090000'],
    ['2027-04-05T12:00:00Z', '2027-04-05T12:30:00Z', 'America/Santiago', '20270405T080000'],
    ['2027-09-04T13:00:00Z', '2027-09-04T13:30:00Z', 'America/Santiago', '20270904T090000'],
    ['2027-09-06T13:00:00Z', '2027-09-06T13:30:00Z', 'America/Santiago', '20270906T100000'],
    ['2026-12-07T14:00:00Z', '2026-12-07T14:30:00Z', 'America/Lima', '20261207T090000'],
  ])(
    'writes %s on the clinic’s clock in %s, and calendar apps read back the same instant',
    (start, end, zone, local) => {
      const ics = appointmentCalendar(MessageTemplate.AppointmentReminder, appointment(start, end, zone));
      expect(ics).toContain(`DTSTART;TZID=${zone}:${local}`);
      expect(ics).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
      const { calendar, event } = parse(ics);
      expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(zone);
      expect(event.startDate.toJSDate().toISOString()).toBe(new Date(start).toISOString());
      expect(event.endDate.toJSDate().toISOString()).toBe(new Date(end).toISOString());
      expect(event.uid).toBe('appointment-4f1c2d9e-8a7b-4c3d-9e2f-1a2b3c4d5e6f@consultorio');
      expect(event.sequence).toBe(2);
    },
  );

  it('cancels the same calendar entry on cancellation', () => {
    const ics = appointmentCalendar(
      MessageTemplate.AppointmentCancelled,
      appointment('2027-03-01T14:00:00Z', '2027-03-01T14:30:00Z', 'America/Lima'),
    );
    const { calendar, vevent } = parse(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});
