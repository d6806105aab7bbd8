/**
 * Tax rates travel as decimal strings (`"0.18"`) and people type percentages (`18`). Both
 * conversions move the decimal point in the text, so no binary float ever rounds a rate.
 */

/** `"18"` → `"0.18"`, `"7,25"` → `"0.0725"`, `"100"` → `"1"`; `null` when it is not a percentage. */
export function percentToDecimal(percent: string): string | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(percent.trim());
  if (!match) return null;
  // Hundredths of a percent are ten-thousandths of the rate: four decimals.
  const digits = `${match[1]}${(match[2] ?? '').padEnd(2, '0')}`.padStart(5, '0');
  const whole = digits.slice(0, -4).replace(/^0+(?=\d)/, '');
  const fraction = digits.slice(-4).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** `"0.1800"` → `"18"`, `"0.0725"` → `"7.25"`, `"1.0000"` → `"100"`; the text itself when not a rate. */
export function decimalToPercent(rate: string): string {
  const match = /^(\d+)(?:\.(\d{0,4}))?$/.exec(rate.trim());
  if (!match) return rate;
  const digits = `${match[1]}${(match[2] ?? '').padEnd(4, '0')}`;
  const whole = digits.slice(0, -2).replace(/^0+(?=\d)/, '');
  const fraction = digits.slice(-2).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}
