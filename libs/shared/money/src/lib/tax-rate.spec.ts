import { decimalToPercent, percentToDecimal } from './tax-rate';

describe('tax rate as a percentage', () => {
  it('turns what people type into the decimal string the API takes, without floats', () => {
    expect(percentToDecimal('18')).toBe('0.18');
    expect(percentToDecimal('7,25')).toBe('0.0725');
    expect(percentToDecimal('16.5')).toBe('0.165');
    expect(percentToDecimal('100')).toBe('1');
    expect(percentToDecimal('0')).toBe('0');
    expect(percentToDecimal('150')).toBe('1.5');
    expect(percentToDecimal('18.125')).toBeNull();
    expect(percentToDecimal('')).toBeNull();
    expect(percentToDecimal('dieciocho')).toBeNull();
  });

  it('shows the API’s rate as a percentage', () => {
    expect(decimalToPercent('0.1800')).toBe('18');
    expect(decimalToPercent('0.0725')).toBe('7.25');
    expect(decimalToPercent('1.0000')).toBe('100');
    expect(decimalToPercent('0')).toBe('0');
    expect(decimalToPercent('0.0050')).toBe('0.5');
  });
});
