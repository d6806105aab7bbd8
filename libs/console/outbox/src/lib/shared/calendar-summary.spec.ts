import { isCalendar, summarizeCalendar } from './calendar-summary';

// As the API writes it (ical-generator): CRLF lines, folded at 75 octets, commas and semicolons escaped.
const BOOKED = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Consultorio//appointments//ES',
  'METHOD:REQUEST',
  'NAME:Clínica Sonrisa',
  'BEGIN:VEVENT',
  'UID:appointment-1@consultorio',
  'SEQUENCE:2',
  'DTSTAMP:20261202T103653Z',
  'DTSTART:20270301T140000Z',
  'DTEND:20270301T143000Z',
  'SUMMARY:Consulta · Dra. Daniela Núñez — Clínica Dental y Médica Son',
  ' risa (demo)\\, con un nombre largo',
  'LOCATION:Miraflores\\, Av. Larco 1\\; piso 2',
  'STATUS:CONFIRMED',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('summarizeCalendar', () => {
  it('reads the event of a booking: what, when (as instants), where, and which update it is', () => {
    expect(summarizeCalendar(BOOKED)).toEqual({
      method: 'REQUEST',
      summary: 'Consulta · Dra. Daniela Núñez — Clínica Dental y Médica Sonrisa (demo), con un nombre largo',
      start: '2027-03-01T14:00:00Z',
      end: '2027-03-01T14:30:00Z',
      location: 'Miraflores, Av. Larco 1; piso 2',
      sequence: 2,
      uid: 'appointment-1@consultorio',
    });
  });

  it('tells a cancellation, reads parameters off property names and keeps to the first event', () => {
    const cancelled = BOOKED.replace('METHOD:REQUEST', 'METHOD:CANCEL')
      .replace('DTSTART:', 'DTSTART;VALUE=DATE-TIME:')
      .replace('END:VEVENT', 'END:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Otra\r\nEND:VEVENT');
    const summary = summarizeCalendar(cancelled.replace(/\r\n/g, '\n'));
    expect(summary).toMatchObject({ method: 'CANCEL', start: '2027-03-01T14:00:00Z' });
    expect(summary?.summary).toContain('Consulta');
  });

  it('reads times on the clock of their TZID, across a clock change, as instants', () => {
    const onClock = (start: string, end: string, zone: string) =>
      summarizeCalendar(
        BOOKED.replace('DTSTART:20270301T140000Z', `DTSTART;TZID=${zone}:${start}`).replace(
          /DTEND:\S+/,
          `DTEND;TZID="${zone}":${end}`,
        ),
      );
    expect(onClock('20270301T090000', '20270301T093000', 'America/Lima')).toMatchObject({
      start: '2027-03-01T14:00:00.000Z',
      end: '2027-03-01T14:30:00.000Z',
    });
    // Santiago leaves summer time on 2027-04-04: 09:00 is 12:00Z the day before, 13:00Z the day after.
    expect(onClock('20270403T090000', '20270405T090000', 'America/Santiago')).toMatchObject({
      start: '2027-04-03T12:00:00.000Z',
      end: '2027-04-05T13:00:00.000Z',
    });
  });

  it('leaves out all-day, floating and unknown-zone times and answers null for text that is no calendar', () => {
    expect(
      summarizeCalendar(BOOKED.replace('DTSTART:20270301T140000Z', 'DTSTART:20270301'))?.start,
    ).toBeNull();
    expect(
      summarizeCalendar(BOOKED.replace('DTSTART:20270301T140000Z', 'DTSTART:20270301T090000'))?.start,
    ).toBeNull();
    expect(
      summarizeCalendar(
        BOOKED.replace('DTSTART:20270301T140000Z', 'DTSTART;TZID=Mars/Olympus:20270301T090000'),
      )?.start,
    ).toBeNull();
    expect(summarizeCalendar('Hola, Ana')).toBeNull();
  });
});

describe('isCalendar', () => {
  it('knows a calendar file by its content type or its name', () => {
    expect(isCalendar({ filename: 'cita.ics', contentType: 'application/octet-stream' })).toBe(true);
    expect(isCalendar({ filename: 'x', contentType: 'text/calendar; charset=utf-8; method=REQUEST' })).toBe(
      true,
    );
    expect(isCalendar({ filename: 'receta.pdf', contentType: 'application/pdf' })).toBe(false);
  });
});
