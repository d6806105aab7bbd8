import Big from 'big.js';
import { currencyDigits, roundMoney, sumMoney, zeroMoney, type Money } from './money';

/** One priced line as entered: quantity × unit price, less a discount amount, taxed at a rate. */
export interface LineInput {
  /** Decimal string, > 0 (`"1"`, `"2.5"`). */
  quantity: string;
  /** Price of one unit as the clinic lists it (tax included or not, per `pricesIncludeTax`). */
  unitPrice: string;
  /** Discount on the whole line, as an amount in the same terms as the price; default 0. */
  discount?: string | null;
  /** Tax rate of the line as a decimal (`"0.18"`); `"0"` for exempt items. */
  taxRate: string;
}

export interface PricingRules {
  currency: string;
  /** Whether unit prices already include tax (the total is the price) or tax is added on top. */
  pricesIncludeTax: boolean;
}

/** What one line comes to, each figure rounded to the currency. */
export interface LineAmounts {
  /** quantity × unit price, before the discount. */
  gross: Money;
  discount: Money;
  /** Taxable base. */
  net: Money;
  tax: Money;
  /** What the patient pays for the line: net + tax. */
  total: Money;
}

export interface InvoiceTotals {
  lines: LineAmounts[];
  gross: Money;
  discount: Money;
  net: Money;
  tax: Money;
  total: Money;
}

/** A reason the line cannot be priced, in the field's terms. */
export interface LineProblem {
  field: 'quantity' | 'unitPrice' | 'discount' | 'taxRate';
  message: string;
}

/**
 * Prices one line. Each line is rounded on its own (the way a printed invoice shows it), so the
 * invoice totals are plain sums of what is printed:
 * - tax included: total = round(qty × price − discount); net = round(total ÷ (1 + rate)); tax = total − net
 * - tax added:    net = round(qty × price − discount); tax = round(net × rate); total = net + tax
 */
export function lineAmounts(line: LineInput, rules: PricingRules): LineAmounts {
  const { currency } = rules;
  const gross = new Big(line.quantity).times(line.unitPrice);
  const discount = new Big(line.discount ?? 0);
  const rate = new Big(line.taxRate);
  const priced = roundMoney(gross.minus(discount), currency);
  let net: Money;
  let tax: Money;
  let total: Money;
  if (rules.pricesIncludeTax) {
    total = priced;
    net = roundMoney(new Big(total).div(rate.plus(1)), currency);
    tax = roundMoney(new Big(total).minus(net), currency);
  } else {
    net = priced;
    tax = roundMoney(new Big(net).times(rate), currency);
    total = roundMoney(new Big(net).plus(tax), currency);
  }
  return {
    gross: roundMoney(gross, currency),
    discount: roundMoney(discount, currency),
    net,
    tax,
    total,
  };
}

/** Prices every line and sums them: the invoice's figures are exactly the sums of its lines'. */
export function invoiceTotals(lines: readonly LineInput[], rules: PricingRules): InvoiceTotals {
  const priced = lines.map((line) => lineAmounts(line, rules));
  const sum = (pick: (amounts: LineAmounts) => Money) =>
    priced.length ? sumMoney(priced.map(pick), rules.currency) : zeroMoney(rules.currency);
  return {
    lines: priced,
    gross: sum((line) => line.gross),
    discount: sum((line) => line.discount),
    net: sum((line) => line.net),
    tax: sum((line) => line.tax),
    total: sum((line) => line.total),
  };
}

const QUANTITY = /^\d{1,9}(\.\d{1,3})?$/;
const AMOUNT = /^\d{1,12}(\.\d+)?$/;
const RATE = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;

/**
 * What is wrong with a line before it can be priced: quantity above zero with at most 3
 * decimals, price and discount non-negative with no more decimals than the currency has, the
 * discount no larger than the line, a rate between 0 and 1. Empty when the line is fine.
 */
export function lineProblems(line: LineInput, currency: string): LineProblem[] {
  const problems: LineProblem[] = [];
  const digits = currencyDigits(currency);
  const scaleOk = (amount: string) => (amount.split('.')[1]?.replace(/0+$/, '').length ?? 0) <= digits;
  const scaleMessage = digits ? `at most ${digits} decimals in ${currency}` : `no decimals in ${currency}`;
  if (!QUANTITY.test(line.quantity) || new Big(line.quantity).lte(0)) {
    problems.push({ field: 'quantity', message: 'quantity must be above 0, with at most 3 decimals' });
  }
  if (!AMOUNT.test(line.unitPrice)) {
    problems.push({ field: 'unitPrice', message: 'unitPrice must be a non-negative amount' });
  } else if (!scaleOk(line.unitPrice)) {
    problems.push({ field: 'unitPrice', message: `unitPrice must have ${scaleMessage}` });
  }
  const discount = line.discount ?? '0';
  if (!AMOUNT.test(discount)) {
    problems.push({ field: 'discount', message: 'discount must be a non-negative amount' });
  } else if (!scaleOk(discount)) {
    problems.push({ field: 'discount', message: `discount must have ${scaleMessage}` });
  } else if (problems.length === 0 && new Big(discount).gt(new Big(line.quantity).times(line.unitPrice))) {
    problems.push({ field: 'discount', message: 'discount cannot exceed quantity × unitPrice' });
  }
  if (!RATE.test(line.taxRate)) {
    problems.push({ field: 'taxRate', message: 'taxRate must be a decimal between 0 and 1, e.g. "0.18"' });
  }
  return problems;
}
