import { Language } from '@consultorio/shared/contracts';

/** What a password-reset e-mail says. */
export interface PasswordResetMailData {
  userName: string;
  clinicName: string;
  /** The link with its token, `…/reset-password?token=…`. */
  link: string;
  /** Minutes the link stays valid. */
  validMinutes: number;
  language: Language;
}

interface Wording {
  subject: string;
  greeting: string;
  lead: string;
  button: string;
  plainLink: string;
  validity: string;
  ignore: string;
}

const WORDING: Record<Language, Wording> = {
  [Language.Es]: {
    subject: 'Restablezca su contraseña de {clinic}',
    greeting: 'Hola, {name}:',
    lead: 'Recibimos una solicitud para restablecer la contraseña de su cuenta en {clinic}.',
    button: 'Elegir una nueva contraseña',
    plainLink: 'Si el botón no funciona, copie este enlace en su navegador:',
    validity: 'El enlace vale por {minutes} minutos y sirve una sola vez.',
    ignore: 'Si usted no lo pidió, ignore este mensaje: su contraseña no cambiará.',
  },
  [Language.En]: {
    subject: 'Reset your {clinic} password',
    greeting: 'Hello {name},',
    lead: 'We received a request to reset the password of your {clinic} account.',
    button: 'Choose a new password',
    plainLink: 'If the button does not work, copy this link into your browser:',
    validity: 'The link is valid for {minutes} minutes and works once.',
    ignore: 'If you did not ask for this, ignore this message: your password will not change.',
  },
};

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);

/** Subject, HTML and plain-text bodies of the password-reset e-mail; it has no attachment. */
export function renderPasswordResetMail(data: PasswordResetMailData): {
  subject: string;
  html: string;
  text: string;
} {
  const words = WORDING[data.language] ?? WORDING[Language.Es];
  const values = { clinic: data.clinicName, name: data.userName, minutes: String(data.validMinutes) };
  const [greeting, lead, validity] = [words.greeting, words.lead, words.validity].map((line) =>
    fill(line, values),
  );
  const text = [
    greeting,
    '',
    lead,
    '',
    `${words.button}: ${data.link}`,
    '',
    validity,
    words.ignore,
    '',
    data.clinicName,
  ].join('\n');
  const link = escapeHtml(data.link);
  const html = `<!doctype html>
<html lang="${data.language}"><head><meta charset="utf-8"><title>${escapeHtml(data.clinicName)}</title></head>
<body style="margin:0;padding:24px;background:#f4f7f7;font-family:Roboto,Arial,sans-serif;color:#1b1c1c">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:24px">
<h1 style="margin:0 0 16px;font-size:20px;color:#006a6a">${escapeHtml(data.clinicName)}</h1>
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(lead)}</p>
<p style="margin:24px 0"><a href="${link}" style="display:inline-block;padding:12px 20px;border-radius:20px;background:#006a6a;color:#ffffff;text-decoration:none;font-weight:500">${escapeHtml(words.button)}</a></p>
<p style="color:#5b6363;font-size:13px">${escapeHtml(words.plainLink)}<br><a href="${link}" style="color:#006a6a;word-break:break-all">${link}</a></p>
<p>${escapeHtml(validity)}</p>
<p style="color:#5b6363">${escapeHtml(words.ignore)}</p>
<p style="margin-top:24px;color:#5b6363;font-size:13px">${escapeHtml(data.clinicName)}</p>
</div></body></html>`;
  return { subject: fill(words.subject, values), html, text };
}
