import {
  FormControl,
  FormGroup,
  type AbstractControl,
  type ValidationErrors,
  type ValidatorFn,
} from '@angular/forms';
import {
  InvoiceItemKind,
  type InvoiceItemDto,
  type InvoiceItemInputDto,
} from '@consultorio/shared/contracts';
import {
  currencyDigits,
  decimalToPercent,
  lineProblems,
  percentToDecimal,
  type LineInput,
} from '@consultorio/shared/money';

/** One line as the editor holds it: text as typed (a decimal comma is accepted). */
export interface LineValue {
  kind: InvoiceItemKind;
  treatmentId: string | null;
  productId: string | null;
  description: string;
  quantity: string;
  unitPrice: string;
  discount: string;
  /** Decimal rate, e.g. `"0.18"`; `"0"` for exempt lines. */
  taxRate: string;
}

export type LineForm = FormGroup<{ [K in keyof LineValue]: FormControl<LineValue[K]> }>;

/** What is wrong with a field of a line, for its message: the rule and what the message needs. */
export type LineErrorCode =
  'required' | 'tooLong' | 'quantity' | 'amount' | 'decimals' | 'discountExceeds' | 'taxRate';

export const DESCRIPTION_MAX = 300;

/** `"12,50"` → `"12.50"`; spaces trimmed. Nothing is parsed into a number. */
export function normalizeDecimal(text: string): string {
  return text.trim().replace(',', '.');
}

/** A rate in one written form (`"0.1800"` → `"0.18"`), so equal rates compare equal. */
export function canonicalRate(rate: string): string {
  return percentToDecimal(decimalToPercent(rate)) ?? rate;
}

/** The line as `invoiceTotals` and `lineProblems` take it. */
export function toLineInput(value: LineValue): LineInput {
  return {
    quantity: normalizeDecimal(value.quantity),
    unitPrice: normalizeDecimal(value.unitPrice),
    discount: normalizeDecimal(value.discount) || '0',
    taxRate: value.taxRate,
  };
}

/** The line as the API takes it. */
export function toItemInput(value: LineValue): InvoiceItemInputDto {
  const line = toLineInput(value);
  const item: InvoiceItemInputDto = {
    kind: value.kind,
    description: value.description.trim(),
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    discount: line.discount ?? '0',
    taxRate: line.taxRate,
  };
  if (value.kind === InvoiceItemKind.Treatment && value.treatmentId) item.treatmentId = value.treatmentId;
  if (value.kind === InvoiceItemKind.Product && value.productId) item.productId = value.productId;
  return item;
}

/** A saved line, back in the editor. */
export function lineFromItem(item: InvoiceItemDto): LineValue {
  return {
    kind: item.kind,
    treatmentId: item.treatmentId,
    productId: item.productId,
    description: item.description,
    quantity: trimZeros(item.quantity),
    unitPrice: item.unitPrice,
    discount: item.discount,
    taxRate: canonicalRate(item.taxRate),
  };
}

/** An empty free-text line at the clinic's rate. */
export function emptyLine(taxRate: string): LineValue {
  return {
    kind: InvoiceItemKind.Free,
    treatmentId: null,
    productId: null,
    description: '',
    quantity: '1',
    unitPrice: '',
    discount: '',
    taxRate: canonicalRate(taxRate),
  };
}

export function lineForm(value: LineValue, currency: () => string): LineForm {
  return new FormGroup(
    {
      kind: new FormControl(value.kind, { nonNullable: true }),
      treatmentId: new FormControl(value.treatmentId),
      productId: new FormControl(value.productId),
      description: new FormControl(value.description, { nonNullable: true }),
      quantity: new FormControl(value.quantity, { nonNullable: true }),
      unitPrice: new FormControl(value.unitPrice, { nonNullable: true }),
      discount: new FormControl(value.discount, { nonNullable: true }),
      taxRate: new FormControl(value.taxRate, { nonNullable: true }),
    },
    { validators: lineValidator(currency) },
  );
}

/**
 * Checks a line with the API's rules (`lineProblems` from the shared money library, plus the
 * description) and puts each failure on its field, so the message shows as the user types.
 */
export function lineValidator(currency: () => string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    if (!(control instanceof FormGroup)) return null;
    const value = control.getRawValue() as LineValue;
    const errors = lineErrors(value, currency());
    let invalid = false;
    for (const [name, child] of Object.entries(control.controls)) {
      const next = errors[name as keyof LineValue] ?? null;
      invalid ||= next !== null;
      if (JSON.stringify(child.errors) !== JSON.stringify(next)) child.setErrors(next);
    }
    return invalid ? { line: true } : null;
  };
}

/** The failures of a line, per field: `{ unitPrice: { decimals: { digits: 0 } } }`. */
export function lineErrors(
  value: LineValue,
  currency: string,
): Partial<Record<keyof LineValue, ValidationErrors>> {
  const errors: Partial<Record<keyof LineValue, ValidationErrors>> = {};
  const description = value.description.trim();
  if (!description) errors.description = { required: true };
  else if (description.length > DESCRIPTION_MAX) errors.description = { tooLong: { max: DESCRIPTION_MAX } };
  for (const problem of lineProblems(toLineInput(value), currency)) {
    errors[problem.field] = {
      [problemCode(problem.field, problem.message)]: { digits: currencyDigits(currency) },
    };
  }
  if (errors.unitPrice && !normalizeDecimal(value.unitPrice)) errors.unitPrice = { required: true };
  return errors;
}

function problemCode(field: string, message: string): LineErrorCode {
  if (field === 'quantity') return 'quantity';
  if (field === 'taxRate') return 'taxRate';
  if (/exceed/.test(message)) return 'discountExceeds';
  if (/decimals/.test(message)) return 'decimals';
  return 'amount';
}

function trimZeros(quantity: string): string {
  return quantity.includes('.') ? quantity.replace(/\.?0+$/, '') : quantity;
}
