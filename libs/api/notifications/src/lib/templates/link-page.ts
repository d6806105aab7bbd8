import { Language } from '@consultorio/shared/contracts';
import { clinicDateTime } from './appointment-mail';

/** What a signed link can be asked to do. */
export type LinkAction = 'confirm' | 'cancel';

/** The outcomes a link page explains. */
export type LinkOutcome =
  | 'ask'
  | 'confirmed'
  | 'cancelled'
  | 'already-confirmed'
  | 'already-cancelled'
  | 'too-late'
  | 'not-possible'
  | 'moved'
  | 'expired'
  | 'invalid';

/** The appointment as the page shows it. */
export interface LinkPageAppointment {
  start: string;
  doctorName: string;
  treatmentName: string | null;
  locationName: string;
  locationAddress: string | null;
}

export interface LinkPageData {
  action: LinkAction;
  outcome: LinkOutcome;
  language: Language;
  clinicName: string;
  clinicPhone: string | null;
  timeZone: string;
  cancellationPolicyHours: number;
  appointment: LinkPageAppointment | null;
  /** Where the page's button posts (for `ask`). */
  formAction?: string;
}

interface Words {
  locale: string;
  title: Record<LinkOutcome, string>;
  message: Record<LinkOutcome, string>;
  askTitle: Record<LinkAction, string>;
  askMessage: Record<LinkAction, string>;
  button: Record<LinkAction, string>;
  call: string;
  when: string;
  doctor: string;
  treatment: string;
  where: string;
}

const WORDS: Record<Language, Words> = {
  [Language.Es]: {
    locale: 'es-PE',
    title: {
      ask: '',
      confirmed: 'Cita confirmada',
      cancelled: 'Cita cancelada',
      'already-confirmed': 'Su cita ya está confirmada',
      'already-cancelled': 'Su cita ya estaba cancelada',
      'too-late': 'Ya no es posible cancelar en línea',
      'not-possible': 'Esta cita ya no se puede cambiar',
      moved: 'La cita cambió de horario',
      expired: 'Este enlace venció',
      invalid: 'Este enlace no es válido',
    },
    message: {
      ask: '',
      confirmed: '¡Gracias! Le esperamos.',
      cancelled: 'Su cita fue cancelada y el horario quedó libre para otro paciente.',
      'already-confirmed': 'No necesita hacer nada más. Le esperamos.',
      'already-cancelled': 'No necesita hacer nada más.',
      'too-late':
        'Faltan menos de {hours} horas para su cita. Para cancelarla o cambiarla, llame a la clínica.',
      'not-possible': 'La cita ya no admite este cambio. Si tiene dudas, llame a la clínica.',
      moved: 'Este enlace era para el horario anterior. Use el enlace del correo más reciente.',
      expired: 'El enlace dejó de valer cuando empezó la cita. Si necesita algo, llame a la clínica.',
      invalid: 'Revise que el enlace esté completo, o llame a la clínica.',
    },
    askTitle: { confirm: '¿Confirma su asistencia?', cancel: '¿Desea cancelar su cita?' },
    askMessage: {
      confirm: 'Confirme que asistirá a esta cita.',
      cancel: 'Si cancela, el horario quedará libre para otro paciente.',
    },
    button: { confirm: 'Confirmar asistencia', cancel: 'Sí, cancelar la cita' },
    call: 'Teléfono de la clínica: {phone}',
    when: 'Fecha y hora',
    doctor: 'Profesional',
    treatment: 'Atención',
    where: 'Lugar',
  },
  [Language.En]: {
    locale: 'en-US',
    title: {
      ask: '',
      confirmed: 'Appointment confirmed',
      cancelled: 'Appointment cancelled',
      'already-confirmed': 'Your appointment is already confirmed',
      'already-cancelled': 'Your appointment was already cancelled',
      'too-late': 'It is too late to cancel online',
      'not-possible': 'This appointment can no longer be changed',
      moved: 'The appointment has a new time',
      expired: 'This link has expired',
      invalid: 'This link is not valid',
    },
    message: {
      ask: '',
      confirmed: 'Thank you! We look forward to seeing you.',
      cancelled: 'Your appointment was cancelled and the time is free for another patient.',
      'already-confirmed': 'There is nothing more to do. We look forward to seeing you.',
      'already-cancelled': 'There is nothing more to do.',
      'too-late':
        'Your appointment is less than {hours} hours away. To cancel or change it, please call the clinic.',
      'not-possible': 'The appointment no longer allows this change. If in doubt, please call the clinic.',
      moved: 'This link was for the previous time. Please use the link in the latest e-mail.',
      expired:
        'The link stopped working when the appointment started. If you need anything, please call the clinic.',
      invalid: 'Check that the link is complete, or call the clinic.',
    },
    askTitle: { confirm: 'Will you attend?', cancel: 'Cancel your appointment?' },
    askMessage: {
      confirm: 'Confirm that you will attend this appointment.',
      cancel: 'If you cancel, the time becomes free for another patient.',
    },
    button: { confirm: 'Confirm I will attend', cancel: 'Yes, cancel the appointment' },
    call: 'Clinic phone: {phone}',
    when: 'Date and time',
    doctor: 'With',
    treatment: 'For',
    where: 'Where',
  },
};

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The title of the page for an outcome, in the page's language. */
export function linkPageTitle(data: Pick<LinkPageData, 'action' | 'outcome' | 'language'>): string {
  const words = WORDS[data.language] ?? WORDS[Language.Es];
  return data.outcome === 'ask' ? words.askTitle[data.action] : words.title[data.outcome];
}

/**
 * The small page a confirm or cancel link opens: what the appointment is, and either a button
 * that does it (a GET never changes anything, so mail scanners that open links are harmless) or
 * the outcome. Self-contained: inline styles only, no scripts.
 */
export function renderLinkPage(data: LinkPageData): string {
  const words = WORDS[data.language] ?? WORDS[Language.Es];
  const title = linkPageTitle(data);
  const message = (
    data.outcome === 'ask' ? words.askMessage[data.action] : words.message[data.outcome]
  ).replace('{hours}', String(data.cancellationPolicyHours));
  const showPhone =
    data.clinicPhone && ['too-late', 'not-possible', 'expired', 'invalid', 'moved'].includes(data.outcome);
  const good = ['confirmed', 'cancelled', 'already-confirmed', 'already-cancelled'].includes(data.outcome);
  const rows: [string, string][] = [];
  if (data.appointment) {
    const appointment = data.appointment;
    rows.push([words.when, clinicDateTime(appointment.start, data.timeZone, words.locale)]);
    rows.push([words.doctor, appointment.doctorName]);
    if (appointment.treatmentName) rows.push([words.treatment, appointment.treatmentName]);
    rows.push([
      words.where,
      [appointment.locationName, appointment.locationAddress].filter(Boolean).join(', '),
    ]);
  }
  const accent = data.outcome === 'ask' ? '#006a6a' : good ? '#006a6a' : '#ba1a1a';
  const button =
    data.outcome === 'ask' && data.formAction
      ? `<form method="post" action="${escapeHtml(data.formAction)}" enctype="text/plain">
<input type="hidden" name="action" value="${data.action}">
<button type="submit" style="font:inherit;font-weight:500;padding:12px 22px;border-radius:24px;border:0;cursor:pointer;background:${data.action === 'cancel' ? '#ba1a1a' : '#006a6a'};color:#fff">${escapeHtml(words.button[data.action])}</button>
</form>`
      : '';
  return `<!doctype html>
<html lang="${data.language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · ${escapeHtml(data.clinicName)}</title></head>
<body style="margin:0;padding:24px 16px;background:#f4f7f7;font-family:Roboto,Arial,sans-serif;color:#1b1c1c">
<main style="max-width:520px;margin:0 auto;background:#fff;border-radius:16px;padding:24px">
<p style="margin:0 0 12px;color:#006a6a;font-weight:500">${escapeHtml(data.clinicName)}</p>
<h1 style="margin:0 0 12px;font-size:22px;color:${accent}">${escapeHtml(title)}</h1>
<p style="font-size:16px;line-height:1.5">${escapeHtml(message)}</p>
${
  rows.length
    ? `<table role="presentation" style="border-collapse:collapse;margin:16px 0">
${rows.map(([label, value]) => `<tr><td style="padding:4px 16px 4px 0;color:#5b6363;vertical-align:top">${escapeHtml(label)}</td><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`).join('\n')}
</table>`
    : ''
}
${button}
${showPhone ? `<p style="font-size:16px"><strong>${escapeHtml(words.call.replace('{phone}', data.clinicPhone ?? ''))}</strong></p>` : ''}
</main></body></html>`;
}
