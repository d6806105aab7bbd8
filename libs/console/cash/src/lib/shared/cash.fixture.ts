import {
  PAYMENT_METHODS,
  PaymentMethod,
  TransactionStatus,
  TransactionType,
  type CashCloseDto,
  type CashClosePreviewDto,
  type CashTransactionDto,
  type CashTransactionPageDto,
  type ClinicSettingsDto,
  type DailyReportDto,
  type LocationDto,
  type MethodTotalsDto,
  type MonthlyReportDto,
} from '@consultorio/shared/contracts';
import { subtractMoney } from '@consultorio/shared/money';

export const LOCATION_ID = '0b7a1c52-4f0e-4d7a-9a1e-1f4b5c6d7e01';
export const OTHER_LOCATION_ID = '0b7a1c52-4f0e-4d7a-9a1e-1f4b5c6d7e02';

/** The clinic's settings as the API sends them: Lima, soles; `changes` set what a test is about. */
export function clinicSettings(changes: Partial<ClinicSettingsDto> = {}): ClinicSettingsDto {
  return {
    name: 'Clínica Sonrisa',
    timeZone: 'America/Lima',
    currency: 'PEN',
    locale: 'es-PE',
    taxRate: '0.18',
    pricesIncludeTax: true,
    slotGranularityMinutes: 15,
    defaultBufferMinutes: 0,
    cancellationPolicyHours: 24,
    reminderOffsetsHours: [24],
    quietHoursStart: null,
    quietHoursEnd: null,
    dailySendCap: null,
    phone: null,
    email: null,
    ...changes,
  } as ClinicSettingsDto;
}

export function location(id: string, name: string): LocationDto {
  return {
    id,
    name,
    active: true,
    address: 'Av. Larco 1',
    zoneId: null,
    phone: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  } as LocationDto;
}

export const LOCATIONS = [location(LOCATION_ID, 'Miraflores'), location(OTHER_LOCATION_ID, 'San Isidro')];

/** A hand-entered income of 120.50 in cash at Miraflores, today; `changes` set what a test is about. */
export function cashEntry(changes: Partial<CashTransactionDto> = {}): CashTransactionDto {
  return {
    id: 't-1',
    type: TransactionType.Income,
    concept: 'Venta de cepillo',
    amount: '120.50',
    method: PaymentMethod.Cash,
    locationId: LOCATION_ID,
    locationName: 'Miraflores',
    cashierId: 'u-1',
    cashierName: 'Andrés Administrador',
    doctorId: null,
    doctorName: null,
    patientId: null,
    patientName: null,
    invoiceId: null,
    paymentId: null,
    adjustmentOfId: null,
    comment: null,
    status: TransactionStatus.Posted,
    occurredAt: '2027-03-01T14:05:00.000Z',
    businessDate: '2027-03-01',
    createdAt: '2027-03-01T14:05:00.000Z',
    updatedAt: '2027-03-01T14:05:00.000Z',
    ...changes,
  };
}

export function entryPage(items: CashTransactionDto[]): CashTransactionPageDto {
  return { items, total: items.length, page: 1, pageSize: 20 };
}

/** Totals of every method, zero unless given. */
export function methodTotals(given: Partial<Record<PaymentMethod, [string, string]>> = {}, currency = 'PEN') {
  const zero = currency === 'CLP' ? '0' : '0.00';
  return PAYMENT_METHODS.map((method): MethodTotalsDto => {
    const [income, expense] = given[method] ?? [zero, zero];
    return { method, income, expense, net: subtractMoney(income, expense, currency) };
  });
}

export function dailyReport(changes: Partial<DailyReportDto> = {}): DailyReportDto {
  return {
    from: '2027-03-01',
    to: '2027-03-01',
    date: '2027-03-01',
    currency: 'PEN',
    income: '170.50',
    expense: '20.00',
    net: '150.50',
    count: 3,
    byMethod: methodTotals({ cash: ['120.50', '20.00'], card: ['50.00', '0.00'] }),
    byConcept: [],
    closes: [],
    ...changes,
  };
}

export function cashClose(changes: Partial<CashCloseDto> = {}): CashCloseDto {
  return {
    id: 'c-1',
    locationId: LOCATION_ID,
    locationName: 'Miraflores',
    cashierId: 'u-1',
    cashierName: 'Andrés Administrador',
    businessDate: '2027-03-01',
    currency: 'PEN',
    lines: [{ method: PaymentMethod.Cash, expected: '150.10', counted: '150.00', difference: '-0.10' }],
    expected: '150.10',
    counted: '150.00',
    difference: '-0.10',
    notes: null,
    closedAt: '2027-03-01T23:00:00.000Z',
    closedById: 'u-1',
    closedByName: 'Andrés Administrador',
    ...changes,
  };
}

export function closePreview(
  expected: Partial<Record<PaymentMethod, string>>,
  changes: Partial<CashClosePreviewDto> = {},
): CashClosePreviewDto {
  const zero = changes.currency === 'CLP' ? '0' : '0.00';
  return {
    locationId: LOCATION_ID,
    cashierId: 'u-1',
    businessDate: '2027-03-01',
    currency: 'PEN',
    expected: PAYMENT_METHODS.map((method) => ({
      method,
      income: expected[method] ?? zero,
      expense: zero,
      net: expected[method] ?? zero,
    })),
    count: 4,
    close: null,
    ...changes,
  };
}

/** A month of 28 days (February 2027) with income on the 1st and the 15th, an expense on the 15th. */
export function monthlyReport(changes: Partial<MonthlyReportDto> = {}): MonthlyReportDto {
  const days = Array.from({ length: 28 }, (_, index) => {
    const date = `2027-02-${String(index + 1).padStart(2, '0')}`;
    const income = index === 0 ? '300.00' : index === 14 ? '1250.50' : '0.00';
    const expense = index === 14 ? '80.00' : '0.00';
    return { date, income, expense, net: subtractMoney(income, expense, 'PEN') };
  });
  return {
    from: '2027-02-01',
    to: '2027-02-28',
    month: '2027-02',
    currency: 'PEN',
    income: '1550.50',
    expense: '80.00',
    net: '1470.50',
    count: 3,
    byMethod: methodTotals({ cash: ['1550.50', '80.00'] }),
    days,
    doctors: [
      {
        doctorId: 'd-1',
        doctorName: 'Dra. Daniela Núñez',
        invoices: 4,
        billed: '1800.00',
        credited: '100.00',
        collected: '1250.50',
      },
    ],
    ...changes,
  };
}

/** An element's text with the no-break spaces `Intl` writes (`S/ 10.00`, `9:05 a. m.`) as plain ones. */
export function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');
}
