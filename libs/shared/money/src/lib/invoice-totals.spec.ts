import fc from 'fast-check';
import Big from 'big.js';
import { invoiceTotals, lineAmounts, lineProblems, type LineInput } from './invoice-totals';
import { currencyDigits, fitsCurrency, roundMoney, sumMoney } from './money';

const PEN_INCLUDED = { currency: 'PEN', pricesIncludeTax: true };
const PEN_ADDED = { currency: 'PEN', pricesIncludeTax: false };
const CLP_INCLUDED = { currency: 'CLP', pricesIncludeTax: true };
const CLP_ADDED = { currency: 'CLP', pricesIncludeTax: false };

describe('currency minor units', () => {
  it('knows soles have cents and Chilean pesos have none', () => {
    expect(currencyDigits('PEN')).toBe(2);
    expect(currencyDigits('CLP')).toBe(0);
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('XYZ')).toBe(2);
  });

  it('rounds half up to the minor unit, exactly', () => {
    expect(roundMoney('0.125', 'PEN')).toBe('0.13');
    expect(roundMoney('0.124', 'PEN')).toBe('0.12');
    expect(roundMoney('2.675', 'PEN')).toBe('2.68'); // 2.675 is 2.67499… as a float
    expect(roundMoney('-0.125', 'PEN')).toBe('-0.13');
    expect(roundMoney('1499.5', 'CLP')).toBe('1500');
    expect(roundMoney('1499.49', 'CLP')).toBe('1499');
    expect(sumMoney(['0.1', '0.2'], 'PEN')).toBe('0.30');
  });

  it('refuses amounts finer than the currency', () => {
    expect(fitsCurrency('10.50', 'PEN')).toBe(true);
    expect(fitsCurrency('10.505', 'PEN')).toBe(false);
    expect(fitsCurrency('15000', 'CLP')).toBe(true);
    expect(fitsCurrency('15000.00', 'CLP')).toBe(true);
    expect(fitsCurrency('15000.5', 'CLP')).toBe(false);
    expect(fitsCurrency('1e3', 'CLP')).toBe(false);
  });
});

describe('line amounts', () => {
  it('takes IGV out of a tax-included price in soles', () => {
    // S/ 150 with 18 % IGV inside: base 127.12, IGV 22.88.
    expect(lineAmounts({ quantity: '1', unitPrice: '150', taxRate: '0.18' }, PEN_INCLUDED)).toEqual({
      gross: '150.00',
      discount: '0.00',
      net: '127.12',
      tax: '22.88',
      total: '150.00',
    });
  });

  it('adds IGV on top of a tax-excluded price, after the discount', () => {
    // 3 × 33.33 = 99.99, less 9.99 = 90.00; IGV 16.20; total 106.20.
    expect(
      lineAmounts({ quantity: '3', unitPrice: '33.33', discount: '9.99', taxRate: '0.18' }, PEN_ADDED),
    ).toEqual({ gross: '99.99', discount: '9.99', net: '90.00', tax: '16.20', total: '106.20' });
  });

  it('rounds a fractional quantity’s line half up', () => {
    // 2.5 × 10.25 = 25.625 → 25.63.
    expect(lineAmounts({ quantity: '2.5', unitPrice: '10.25', taxRate: '0' }, PEN_ADDED).total).toBe('25.63');
  });

  it('keeps Chilean pesos whole, with IVA 19 % included', () => {
    // $ 25.000 with IVA inside: neto 21.008 (21008.40…), IVA 3.992.
    expect(lineAmounts({ quantity: '1', unitPrice: '25000', taxRate: '0.19' }, CLP_INCLUDED)).toEqual({
      gross: '25000',
      discount: '0',
      net: '21008',
      tax: '3992',
      total: '25000',
    });
  });

  it('keeps Chilean pesos whole, with IVA added', () => {
    // 3 × 1.990 = 5.970, less 970 = 5.000; IVA 950; total 5.950.
    expect(
      lineAmounts({ quantity: '3', unitPrice: '1990', discount: '970', taxRate: '0.19' }, CLP_ADDED),
    ).toEqual({ gross: '5970', discount: '970', net: '5000', tax: '950', total: '5950' });
    // 1.5 × 999 = 1.498,5 → 1.499 (half up); IVA 284,81 → 285.
    expect(lineAmounts({ quantity: '1.5', unitPrice: '999', taxRate: '0.19' }, CLP_ADDED)).toMatchObject({
      net: '1499',
      tax: '285',
      total: '1784',
    });
  });

  it('leaves exempt lines untaxed', () => {
    expect(lineAmounts({ quantity: '2', unitPrice: '40', taxRate: '0' }, PEN_INCLUDED)).toMatchObject({
      net: '80.00',
      tax: '0.00',
      total: '80.00',
    });
  });
});

describe('invoice totals', () => {
  it('are the sums of the printed lines (rounding per line)', () => {
    const lines: LineInput[] = [
      { quantity: '1', unitPrice: '150', taxRate: '0.18' },
      { quantity: '2', unitPrice: '45.90', discount: '5', taxRate: '0.18' },
      { quantity: '1', unitPrice: '30', taxRate: '0' },
    ];
    const totals = invoiceTotals(lines, PEN_INCLUDED);
    expect(totals.lines.map((line) => line.total)).toEqual(['150.00', '86.80', '30.00']);
    expect(totals).toMatchObject({
      gross: '271.80',
      discount: '5.00',
      net: '230.68', // 127.12 + 73.56 + 30.00
      tax: '36.12', // 22.88 + 13.24
      total: '266.80',
    });
  });

  it('are zero for no lines', () => {
    expect(invoiceTotals([], CLP_ADDED)).toMatchObject({ total: '0', net: '0', tax: '0' });
  });
});

describe('line problems', () => {
  it('accepts a well-formed line', () => {
    expect(lineProblems({ quantity: '1', unitPrice: '10.50', taxRate: '0.18' }, 'PEN')).toEqual([]);
  });

  it('names every wrong field', () => {
    const problems = lineProblems({ quantity: '0', unitPrice: '-1', discount: 'x', taxRate: '18' }, 'PEN');
    expect(problems.map((problem) => problem.field)).toEqual([
      'quantity',
      'unitPrice',
      'discount',
      'taxRate',
    ]);
  });

  it('refuses cents in pesos and a discount above the line', () => {
    expect(lineProblems({ quantity: '1', unitPrice: '1000.5', taxRate: '0.19' }, 'CLP')).toEqual([
      { field: 'unitPrice', message: 'unitPrice must have no decimals in CLP' },
    ]);
    expect(
      lineProblems({ quantity: '2', unitPrice: '10', discount: '20.01', taxRate: '0.18' }, 'PEN'),
    ).toEqual([{ field: 'discount', message: 'discount cannot exceed quantity × unitPrice' }]);
  });
});

describe('invoice totals, for any lines', () => {
  const currency = fc.constantFrom('PEN', 'CLP', 'USD');
  const line = (code: string) =>
    fc
      .record({
        quantity: fc.integer({ min: 1, max: 50_000 }).map((n) => new Big(n).div(1000).toString()),
        unitPrice: fc
          .integer({ min: 0, max: 10_000_000 })
          .map((n) => new Big(n).div(10 ** currencyDigits(code)).toString()),
        taxRate: fc.constantFrom('0', '0.18', '0.19', '0.16', '0.0725'),
        discountShare: fc.integer({ min: 0, max: 100 }),
      })
      .map(({ discountShare, ...rest }) => {
        const gross = new Big(rest.quantity).times(rest.unitPrice);
        const discount = roundMoney(gross.times(discountShare).div(100), code);
        return {
          ...rest,
          discount: new Big(discount).gt(gross) ? '0' : discount,
        } satisfies LineInput;
      });
  const invoice = currency.chain((code) =>
    fc.record({
      code: fc.constant(code),
      included: fc.boolean(),
      lines: fc.array(line(code), { minLength: 1, maxLength: 12 }),
    }),
  );

  it('balance: total = net + tax, and the totals are the sums of the lines', () => {
    fc.assert(
      fc.property(invoice, ({ code, included, lines }) => {
        const totals = invoiceTotals(lines, { currency: code, pricesIncludeTax: included });
        expect(new Big(totals.net).plus(totals.tax).eq(totals.total)).toBe(true);
        for (const field of ['gross', 'discount', 'net', 'tax', 'total'] as const) {
          expect(totals[field]).toBe(
            sumMoney(
              totals.lines.map((amounts) => amounts[field]),
              code,
            ),
          );
        }
        for (const amounts of totals.lines) {
          expect(new Big(amounts.net).plus(amounts.tax).eq(amounts.total)).toBe(true);
          expect(new Big(amounts.tax).gte(0)).toBe(true);
          expect(fitsCurrency(amounts.total, code)).toBe(true);
        }
      }),
    );
  });

  it('a tax-included price is exactly what the patient pays; a tax-added one is the base', () => {
    fc.assert(
      fc.property(invoice, ({ code, included, lines }) => {
        for (const input of lines) {
          const amounts = lineAmounts(input, { currency: code, pricesIncludeTax: included });
          const priced = roundMoney(
            new Big(input.quantity).times(input.unitPrice).minus(input.discount),
            code,
          );
          expect(included ? amounts.total : amounts.net).toBe(priced);
          // The tax is the rate's share of the base, to within half a minor unit.
          const exact = new Big(amounts.net).times(input.taxRate);
          const half = new Big(1).div(10 ** currencyDigits(code)).div(2);
          const slack = included ? half.times(new Big(input.taxRate).plus(2)) : half;
          expect(new Big(amounts.tax).minus(exact).abs().lte(slack)).toBe(true);
        }
      }),
    );
  });
});
