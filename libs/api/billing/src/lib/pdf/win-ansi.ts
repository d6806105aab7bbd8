/**
 * The standard PDF fonts (Helvetica and friends) only draw WinAnsi: Latin-1 plus a few
 * typographic signs. pdfkit writes any other character as a broken code, so text is brought
 * into that set first: the spaces `Intl` puts in money and times become no-break spaces,
 * unusual dashes a hyphen, accented letters outside the set lose their accent, and anything
 * still unprintable becomes `?`.
 */

/** Characters above Latin-1 that WinAnsi still has (en dash, euro, curly quotes…). */
const WIN_ANSI_EXTRAS = new Set(
  [
    0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018,
    0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac,
    0x2122,
  ].map((code) => String.fromCharCode(code)),
);

const REPLACEMENTS: Record<string, string> = {
  '\u2007': '\u00a0', // figure space
  '\u2009': '\u00a0', // thin space
  '\u202f': '\u00a0', // narrow no-break space (es-PE "a. m.", fr-FR thousands)
  '\u200b': '', // zero-width space
  '\r': '',
  '\t': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-', // minus sign
  '\u2032': "'",
  // Letters with a stroke have no decomposition to fall back on.
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0131': 'i',
};

function printable(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

/** `text` with every character drawable by the standard fonts. */
export function toWinAnsi(text: string): string {
  let result = '';
  for (const char of text.normalize('NFC')) {
    if (printable(char)) {
      result += char;
    } else if (char in REPLACEMENTS) {
      result += REPLACEMENTS[char];
    } else if (char === '\n') {
      result += char;
    } else {
      // "ő" → "o": keep the base letter when only the accent is missing from the set.
      const base = [...char.normalize('NFD')].filter(printable).join('');
      result += base || '?';
    }
  }
  return result;
}
