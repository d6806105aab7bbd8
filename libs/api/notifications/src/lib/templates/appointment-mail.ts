import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { Language, MessageTemplate } from '@consultorio/shared/contracts';
import { vtimezone } from './vtimezone';

/** What an appointment e-mail says: the visit, the clinic, and for a move the previous time. */
export interface AppointmentMailData {
  appointmentId: string;
  patientName: string;
  doctorName: string;
  treatmentName: string | null;
  locationName: string;
  locationAddress: string | null;
  start: string;
  end: string;
  /** The start before a move. */
  previousStart?: string | null;
  clinicName: string;
  clinicAddress: string | null;
  clinicPhone: string | null;
  timeZone: string;
  language: Language;
  /** Grows with every change, so calendar apps replace their copy instead of adding one. */
  sequence: number;
  /** Signed links that confirm or cancel without logging in. */
  links?: { confirm: string; cancel: string } | null;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

type AppointmentTemplate =
  | MessageTemplate.AppointmentConfirmation
  | MessageTemplate.AppointmentRescheduled
  | MessageTemplate.AppointmentCancelled
  | MessageTemplate.AppointmentReminder;

interface Wording {
  subject: Record<AppointmentTemplate, string>;
  lead: Record<AppointmentTemplate, string>;
  greeting: string;
  when: string;
  previously: string;
  doctor: string;
  treatment: string;
  where: string;
  questions: string;
  calendar: string;
  confirm: string;
  cancel: string;
  linksNote: string;
  locale: string;
}

const WORDING: Record<Language, Wording> = {
  [Language.Es]: {
    subject: {
      [MessageTemplate.AppointmentConfirmation]: 'Su cita en {clinic} está reservada',
      [MessageTemplate.AppointmentRescheduled]: 'Su cita en {clinic} cambió de horario',
      [MessageTemplate.AppointmentCancelled]: 'Su cita en {clinic} fue cancelada',
      [MessageTemplate.AppointmentReminder]: 'Recordatorio: su cita en {clinic}',
    },
    lead: {
      [MessageTemplate.AppointmentConfirmation]: 'Su cita quedó reservada.',
      [MessageTemplate.AppointmentRescheduled]: 'Su cita tiene un nuevo horario.',
      [MessageTemplate.AppointmentCancelled]: 'Su cita fue cancelada.',
      [MessageTemplate.AppointmentReminder]: 'Le recordamos su próxima cita.',
    },
    greeting: 'Hola, {name}:',
    when: 'Fecha y hora',
    previously: 'Antes',
    doctor: 'Profesional',
    treatment: 'Atención',
    where: 'Lugar',
    questions: '¿Preguntas o cambios? Llámenos al {phone}.',
    calendar: 'Adjuntamos la cita para su calendario.',
    confirm: 'Confirmar asistencia',
    cancel: 'Cancelar la cita',
    linksNote: 'Puede confirmar o cancelar sin iniciar sesión; estos enlaces valen hasta la hora de la cita.',
    locale: 'es-PE',
  },
  [Language.En]: {
    subject: {
      [MessageTemplate.AppointmentConfirmation]: 'Your appointment at {clinic} is booked',
      [MessageTemplate.AppointmentRescheduled]: 'Your appointment at {clinic} has a new time',
      [MessageTemplate.AppointmentCancelled]: 'Your appointment at {clinic} was cancelled',
      [MessageTemplate.AppointmentReminder]: 'Reminder: your appointment at {clinic}',
    },
    lead: {
      [MessageTemplate.AppointmentConfirmation]: 'Your appointment is booked.',
      [MessageTemplate.AppointmentRescheduled]: 'Your appointment has a new time.',
      [MessageTemplate.AppointmentCancelled]: 'Your appointment was cancelled.',
      [MessageTemplate.AppointmentReminder]: 'This is a reminder of your upcoming appointment.',
    },
    greeting: 'Hello {name},',
    when: 'Date and time',
    previously: 'Before',
    doctor: 'With',
    treatment: 'For',
    where: 'Where',
    questions: 'Questions or changes? Call us at {phone}.',
    calendar: 'The appointment is attached for your calendar.',
    confirm: 'Confirm I will attend',
    cancel: 'Cancel the appointment',
    linksNote: 'You can confirm or cancel without signing in; these links work until the appointment starts.',
    locale: 'en-US',
  },
};

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);

/** A link styled as a button (e-mail clients ignore stylesheets, so inline styles). */
function button(href: string, label: string, background: string, color: string): string {
  return `<a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 18px;margin:0 8px 8px 0;border-radius:20px;border:1px solid ${color === '#ffffff' ? background : color};background:${background};color:${color};text-decoration:none;font-weight:500">${escapeHtml(label)}</a>`;
}

/** "jueves, 3 de diciembre de 2026, 09:00 (hora de Lima, America/Lima)" in the clinic's zone. */
export function clinicDateTime(instant: string, timeZone: string, locale: string): string {
  const { date, zone } = formatters(locale, timeZone);
  const when = new Date(instant);
  const zoneName = zone.formatToParts(when).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  return `${date.format(when)} (${zoneName}, ${timeZone})`;
}

/** Formatters by locale and zone: building one costs far more than using it, and a scan renders thousands. */
const FORMATTERS = new Map<string, { date: Intl.DateTimeFormat; zone: Intl.DateTimeFormat }>();

function formatters(locale: string, timeZone: string) {
  const key = `${locale}|${timeZone}`;
  let entry = FORMATTERS.get(key);
  if (!entry) {
    entry = {
      date: new Intl.DateTimeFormat(locale, {
        timeZone,
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
      zone: new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' }),
    };
    FORMATTERS.set(key, entry);
  }
  return entry;
}

/** The `.ics` of the appointment: one UID per appointment, METHOD:CANCEL once it is cancelled. */
export function appointmentCalendar(template: AppointmentTemplate, data: AppointmentMailData): string {
  const cancelled = template === MessageTemplate.AppointmentCancelled;
  const calendar = ical({
    name: data.clinicName,
    prodId: { company: 'Consultorio', product: 'appointments', language: data.language.toUpperCase() },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  // Times on the clinic's clock with its TZID, and the zone's offsets written out for calendar
  // apps that do not know it.
  const start = Temporal.Instant.from(new Date(data.start).toISOString());
  calendar.timezone({ name: null, generator: (zone) => vtimezone(zone, start) });
  calendar.createEvent({
    id: `appointment-${data.appointmentId}@consultorio`,
    sequence: data.sequence,
    timezone: data.timeZone,
    start: start.toZonedDateTimeISO(data.timeZone),
    end: Temporal.Instant.from(new Date(data.end).toISOString()).toZonedDateTimeISO(data.timeZone),
    summary: [data.treatmentName, data.doctorName].filter(Boolean).join(' · ') + ` — ${data.clinicName}`,
    location: [data.locationName, data.locationAddress].filter(Boolean).join(', '),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

/** Subject, HTML and plain-text bodies and the calendar file of an appointment e-mail. */
export function renderAppointmentMail(
  template: AppointmentTemplate,
  data: AppointmentMailData,
): RenderedMail {
  const words = WORDING[data.language] ?? WORDING[Language.Es];
  const when = clinicDateTime(data.start, data.timeZone, words.locale);
  const rows: [string, string][] = [[words.when, when]];
  if (data.previousStart && template === MessageTemplate.AppointmentRescheduled) {
    rows.push([words.previously, clinicDateTime(data.previousStart, data.timeZone, words.locale)]);
  }
  rows.push([words.doctor, data.doctorName]);
  if (data.treatmentName) rows.push([words.treatment, data.treatmentName]);
  rows.push([words.where, [data.locationName, data.locationAddress].filter(Boolean).join(', ')]);
  const greeting = fill(words.greeting, { name: data.patientName });
  const questions = data.clinicPhone ? fill(words.questions, { phone: data.clinicPhone }) : '';
  const footer = [data.clinicName, data.clinicAddress].filter(Boolean).join(' · ');
  const links = template === MessageTemplate.AppointmentCancelled ? null : (data.links ?? null);

  const text = [
    greeting,
    '',
    words.lead[template],
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    '',
    ...(links
      ? [`${words.confirm}: ${links.confirm}`, `${words.cancel}: ${links.cancel}`, words.linksNote, '']
      : []),
    ...(template === MessageTemplate.AppointmentCancelled ? [] : [words.calendar]),
    questions,
    '',
    footer,
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const html = `<!doctype html>
<html lang="${data.language}"><head><meta charset="utf-8"><title>${escapeHtml(data.clinicName)}</title></head>
<body style="margin:0;padding:24px;background:#f4f7f7;font-family:Roboto,Arial,sans-serif;color:#1b1c1c">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:24px">
<h1 style="margin:0 0 16px;font-size:20px;color:#006a6a">${escapeHtml(data.clinicName)}</h1>
<p>${escapeHtml(greeting)}</p>
<p style="font-size:16px"><strong>${escapeHtml(words.lead[template])}</strong></p>
<table role="presentation" style="border-collapse:collapse;margin:16px 0">
${rows
  .map(
    ([label, value]) =>
      `<tr><td style="padding:4px 16px 4px 0;color:#5b6363;vertical-align:top">${escapeHtml(label)}</td><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
  )
  .join('\n')}
</table>
${
  links
    ? `<p style="margin:20px 0 8px">${button(links.confirm, words.confirm, '#006a6a', '#ffffff')} ${button(links.cancel, words.cancel, '#ffffff', '#ba1a1a')}</p>
<p style="color:#5b6363;font-size:13px">${escapeHtml(words.linksNote)}</p>`
    : ''
}
${template === MessageTemplate.AppointmentCancelled ? '' : `<p style="color:#5b6363">${escapeHtml(words.calendar)}</p>`}
${questions ? `<p>${escapeHtml(questions)}</p>` : ''}
<p style="margin-top:24px;color:#5b6363;font-size:13px">${escapeHtml(footer)}</p>
</div></body></html>`;
  return {
    subject: fill(words.subject[template], { clinic: data.clinicName }),
    html,
    text,
    attachments: [
      {
        filename: 'cita.ics',
        contentType: `text/calendar; charset=utf-8; method=${template === MessageTemplate.AppointmentCancelled ? 'CANCEL' : 'REQUEST'}`,
        content: appointmentCalendar(template, data),
      },
    ],
  };
}
