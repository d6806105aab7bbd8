import { zonedInstant } from '@consultorio/shared/scheduling';

/** What a calendar attachment (`.ics`) says about its event, for a person to read. */
export interface CalendarSummary {
  /** `REQUEST` adds or updates the event in the recipient's calendar, `CANCEL` removes it. */
  method: string | null;
  summary: string | null;
  /** ISO 8601 instants. */
  start: string | null;
  end: string | null;
  location: string | null;
  /** Grows with every change of the same event (`UID`). */
  sequence: number | null;
  uid: string | null;
}

/**
 * A date-time property as an ISO instant: `20270301T140000Z` (UTC), or `20270301T090000` on the
 * clock of its `TZID` (`America/Lima`, resolved as calendar apps do across clock changes). Floating
 * or all-day values, and zones this browser does not know, are left out.
 */
function instant(value: string | undefined, timeZone: string | undefined): string | null {
  const match = value && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, utc] = match;
  if (utc) return `${year}-${month}-${day}T${hour}:${minute}:${second}Z`;
  if (!timeZone) return null;
  try {
    return zonedInstant(`${year}-${month}-${day}`, `${hour}:${minute}`, timeZone);
  } catch {
    return null;
  }
}

/** Undoes iCalendar text escaping (`\,` `\;` `\n` `\\`). */
function text(value: string | undefined): string | null {
  if (value === undefined) return null;
  return value.replace(/\\([\\;,nN])/g, (_match, char: string) =>
    char === 'n' || char === 'N' ? '\n' : char,
  );
}

/**
 * The first event of an iCalendar text (RFC 5545): folded lines are joined and property
 * parameters dropped but for the start's and end's `TZID`. `null` when the text is not a calendar.
 */
export function summarizeCalendar(source: string): CalendarSummary | null {
  const lines = source.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  if (!lines.some((line) => line.trim() === 'BEGIN:VCALENDAR')) return null;
  const calendar: Record<string, string> = {};
  const event: Record<string, string> = {};
  let inEvent = false;
  let eventsSeen = 0;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') {
      inEvent = ++eventsSeen === 1;
      continue;
    }
    if (line === 'END:VEVENT') {
      inEvent = false;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const [rawName, ...params] = line.slice(0, colon).split(';');
    const name = rawName.toUpperCase();
    const target = inEvent ? event : eventsSeen === 0 ? calendar : null;
    if (!target || name in target) continue;
    target[name] = line.slice(colon + 1);
    const tzid = params.find((param) => /^TZID=/i.test(param));
    if (tzid) target[`${name};TZID`] = tzid.slice(5).replace(/^"|"$/g, '');
  }
  const sequence = Number(event['SEQUENCE']);
  return {
    method: calendar['METHOD'] ?? null,
    summary: text(event['SUMMARY']),
    start: instant(event['DTSTART'], event['DTSTART;TZID']),
    end: instant(event['DTEND'], event['DTEND;TZID']),
    location: text(event['LOCATION']),
    sequence: event['SEQUENCE'] !== undefined && Number.isInteger(sequence) ? sequence : null,
    uid: event['UID'] ?? null,
  };
}

/** Whether an attachment is a calendar file, by its content type or name. */
export function isCalendar(attachment: { filename: string; contentType: string }): boolean {
  return /^text\/calendar\b/i.test(attachment.contentType) || /\.ics$/i.test(attachment.filename);
}
