import {
  InvoiceItemKind,
  InvoiceKind,
  InvoiceStatus,
  PaymentMethod,
  type ClinicSettingsDto,
  type InvoiceDto,
  type InvoiceItemDto,
  type InvoicePageDto,
  type InvoiceSummaryDto,
  type PaymentDto,
} from '@consultorio/shared/contracts';

/** A clinic in Lima billing in soles with IGV 18 % included in its prices; `changes` set a test's case. */
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
    address: null,
    taxId: '20123456789',
    updatedAt: '2027-01-01T00:00:00Z',
    ...changes,
  };
}

/** An issued invoice of S/ 150.00 for Ana Rojas, nothing paid yet. */
export function invoiceSummary(changes: Partial<InvoiceSummaryDto> = {}): InvoiceSummaryDto {
  return {
    id: 'inv-1',
    kind: InvoiceKind.Invoice,
    seriesId: 'series-1',
    series: 'F001',
    number: 42,
    code: 'F001-00000042',
    status: InvoiceStatus.Issued,
    patientId: 'p-1',
    patientName: 'Ana Rojas',
    patientDocument: '45678912',
    locationId: 'loc-1',
    locationName: 'Miraflores',
    doctorId: 'd-1',
    doctorName: 'Dra. Daniela Núñez',
    appointmentId: null,
    creditOfId: null,
    creditOfCode: null,
    currency: 'PEN',
    pricesIncludeTax: true,
    gross: '150.00',
    discount: '0.00',
    net: '127.12',
    tax: '22.88',
    total: '150.00',
    credited: '0.00',
    paid: '0.00',
    balance: '150.00',
    notes: null,
    issuedAt: '2027-03-01T15:00:00Z',
    voidedAt: null,
    voidReason: null,
    createdAt: '2027-03-01T14:50:00Z',
    updatedAt: '2027-03-01T15:00:00Z',
    ...changes,
  };
}

export function invoiceItem(changes: Partial<InvoiceItemDto> = {}): InvoiceItemDto {
  return {
    id: 'item-1',
    position: 1,
    kind: InvoiceItemKind.Treatment,
    treatmentId: 't-1',
    productId: null,
    description: 'Limpieza dental',
    quantity: '1.000',
    unitPrice: '150.00',
    discount: '0.00',
    taxRate: '0.1800',
    net: '127.12',
    tax: '22.88',
    total: '150.00',
    ...changes,
  };
}

export function payment(changes: Partial<PaymentDto> = {}): PaymentDto {
  return {
    id: 'pay-1',
    invoiceId: 'inv-1',
    amount: '50.00',
    method: PaymentMethod.Cash,
    reference: null,
    paidAt: '2027-03-01T15:10:00Z',
    receivedById: 'u-2',
    receivedByName: 'Rosa Recepción',
    transactionId: 'tx-1',
    ...changes,
  };
}

/** The invoice with its line, payments and credit notes. */
export function invoice(
  changes: Partial<InvoiceDto> = {},
  summary: Partial<InvoiceSummaryDto> = {},
): InvoiceDto {
  return { ...invoiceSummary(summary), items: [invoiceItem()], payments: [], creditNotes: [], ...changes };
}

export function invoicePage(items: InvoiceSummaryDto[], total = items.length): InvoicePageDto {
  return { items, total, page: 1, pageSize: 20 };
}
