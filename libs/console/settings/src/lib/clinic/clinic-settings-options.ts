/**
 * Choices of the clinic settings form. Latin America first: it is where most clinics using
 * Consultorio are; every other zone, currency and locale the browser knows follows.
 */

/** Time zones of Latin America, roughly north to south. */
export const LATIN_AMERICA_TIME_ZONES: readonly string[] = [
  'America/Tijuana',
  'America/Hermosillo',
  'America/Mazatlan',
  'America/Chihuahua',
  'America/Monterrey',
  'America/Mexico_City',
  'America/Merida',
  'America/Cancun',
  'America/Guatemala',
  'America/El_Salvador',
  'America/Tegucigalpa',
  'America/Managua',
  'America/Costa_Rica',
  'America/Panama',
  'America/Havana',
  'America/Santo_Domingo',
  'America/Puerto_Rico',
  'America/Bogota',
  'America/Caracas',
  'America/Guayaquil',
  'Pacific/Galapagos',
  'America/Lima',
  'America/La_Paz',
  'America/Manaus',
  'America/Sao_Paulo',
  'America/Asuncion',
  'America/Montevideo',
  'America/Argentina/Buenos_Aires',
  'America/Argentina/Cordoba',
  'America/Santiago',
  'America/Punta_Arenas',
  'Pacific/Easter',
];

/** Currencies of Latin America and the ones clinics there also charge in. */
export const COMMON_CURRENCIES: readonly string[] = [
  'PEN',
  'CLP',
  'MXN',
  'COP',
  'ARS',
  'BOB',
  'BRL',
  'UYU',
  'PYG',
  'CRC',
  'GTQ',
  'HNL',
  'NIO',
  'PAB',
  'DOP',
  'VES',
  'USD',
  'EUR',
];

/** Locales for dates, numbers and money. */
export const LOCALES: readonly string[] = [
  'es-PE',
  'es-CL',
  'es-MX',
  'es-CO',
  'es-AR',
  'es-BO',
  'es-EC',
  'es-UY',
  'es-PY',
  'es-VE',
  'es-CR',
  'es-GT',
  'es-HN',
  'es-NI',
  'es-PA',
  'es-SV',
  'es-DO',
  'es-PR',
  'es-US',
  'es-ES',
  'pt-BR',
  'en-US',
  'en-GB',
];

export interface Choice {
  value: string;
  label: string;
}

/** `America/Lima (UTC−5)`: the zone and its offset today. */
function timeZoneChoice(zone: string, now: Date): Choice {
  let offset = '';
  try {
    offset =
      new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
        .formatToParts(now)
        .find((part) => part.type === 'timeZoneName')
        ?.value.replace('GMT', 'UTC') ?? '';
  } catch {
    // A zone this browser does not know: shown without its offset.
  }
  return {
    value: zone,
    label: `${zone.replace(/_/g, ' ')}${offset ? ` (${offset === 'UTC' ? 'UTC±0' : offset})` : ''}`,
  };
}

/** Latin-American zones first, then every other zone the browser knows; `current` always included. */
export function timeZoneChoices(
  current: string,
  now = new Date(),
): { latinAmerica: Choice[]; others: Choice[] } {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const first = new Set(LATIN_AMERICA_TIME_ZONES);
  const rest = [...new Set([...known, current, 'UTC'])].filter((zone) => zone && !first.has(zone)).sort();
  return {
    latinAmerica: LATIN_AMERICA_TIME_ZONES.map((zone) => timeZoneChoice(zone, now)),
    others: rest.map((zone) => timeZoneChoice(zone, now)),
  };
}

/** `PEN · sol peruano`, named in the console's language. */
export function currencyChoices(language: string, current: string): { common: Choice[]; others: Choice[] } {
  const names = new Intl.DisplayNames([language], { type: 'currency' });
  const choice = (code: string): Choice => ({ value: code, label: `${code} · ${names.of(code) ?? code}` });
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
  const first = new Set(COMMON_CURRENCIES);
  const rest = [...new Set([...known, current])].filter((code) => code && !first.has(code)).sort();
  return { common: COMMON_CURRENCIES.map(choice), others: rest.map(choice) };
}

/** `español (Perú)`, named in the console's language; `current` always included. */
export function localeChoices(language: string, current: string): Choice[] {
  const names = new Intl.DisplayNames([language], { type: 'language' });
  const codes = LOCALES.includes(current) || !current ? LOCALES : [...LOCALES, current];
  return codes.map((code) => {
    let label = code;
    try {
      label = names.of(code) ?? code;
    } catch {
      // Not a locale this browser can name: shown as its code.
    }
    return { value: code, label: `${label.charAt(0).toUpperCase()}${label.slice(1)}` };
  });
}
