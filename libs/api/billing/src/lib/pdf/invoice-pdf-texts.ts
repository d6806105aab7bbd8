import { InvoiceKind, InvoiceStatus, PaymentMethod } from '@consultorio/shared/contracts';

/** Every label printed on an invoice PDF, in one language. */
export interface InvoicePdfTexts {
  title: Record<InvoiceKind, string>;
  /** Shown instead of the code while the document has no number. */
  draft: string;
  draftNotice: string;
  void: string;
  voidedOn: string;
  voidReason: string;
  taxId: string;
  phone: string;
  issuedOn: string;
  createdOn: string;
  status: string;
  currency: string;
  statuses: Record<InvoiceStatus, string>;
  corrects: string;
  patient: string;
  document: string;
  care: string;
  location: string;
  doctor: string;
  description: string;
  quantity: string;
  unitPrice: string;
  discount: string;
  amount: string;
  pricesIncludeTax: string;
  gross: string;
  discounts: string;
  taxable: string;
  exempt: string;
  tax: string;
  total: string;
  credited: string;
  paid: string;
  balance: string;
  payments: string;
  date: string;
  method: string;
  reference: string;
  methods: Record<PaymentMethod, string>;
  refund: string;
  notes: string;
  reason: string;
  continued: string;
  page: (page: number, pages: number) => string;
}

const SPANISH: InvoicePdfTexts = {
  title: { [InvoiceKind.Invoice]: 'Comprobante de pago', [InvoiceKind.CreditNote]: 'Nota de crédito' },
  draft: 'BORRADOR',
  draftNotice: 'Documento sin número ni validez: se numera al emitirlo.',
  void: 'ANULADO',
  voidedOn: 'Anulado el',
  voidReason: 'Motivo',
  taxId: 'Id. tributario',
  phone: 'Tel.',
  issuedOn: 'Fecha de emisión',
  createdOn: 'Fecha de creación',
  status: 'Estado',
  currency: 'Moneda',
  statuses: {
    [InvoiceStatus.Draft]: 'Borrador',
    [InvoiceStatus.Issued]: 'Emitido',
    [InvoiceStatus.PartiallyPaid]: 'Pagado en parte',
    [InvoiceStatus.Paid]: 'Pagado',
    [InvoiceStatus.Void]: 'Anulado',
  },
  corrects: 'Corrige a',
  patient: 'Paciente',
  document: 'Documento',
  care: 'Atención',
  location: 'Sede',
  doctor: 'Doctor(a)',
  description: 'Descripción',
  quantity: 'Cant.',
  unitPrice: 'P. unitario',
  discount: 'Descuento',
  amount: 'Importe',
  pricesIncludeTax: 'Los precios incluyen impuestos.',
  gross: 'Subtotal',
  discounts: 'Descuentos',
  taxable: 'Base imponible',
  exempt: 'Exento',
  tax: 'Impuesto',
  total: 'Total',
  credited: 'Notas de crédito',
  paid: 'Pagado',
  balance: 'Saldo pendiente',
  payments: 'Pagos',
  date: 'Fecha',
  method: 'Medio de pago',
  reference: 'Referencia',
  methods: {
    [PaymentMethod.Cash]: 'Efectivo',
    [PaymentMethod.Card]: 'Tarjeta',
    [PaymentMethod.Transfer]: 'Transferencia',
    [PaymentMethod.YapePlin]: 'Yape/Plin',
    [PaymentMethod.Insurer]: 'Aseguradora',
  },
  refund: 'devolución',
  notes: 'Observaciones',
  reason: 'Motivo',
  continued: 'continuación',
  page: (page, pages) => `Página ${page} de ${pages}`,
};

/** Peru names its tax id, its VAT and the taxable base the way SUNAT documents do. */
const PERUVIAN: Partial<InvoicePdfTexts> = {
  taxId: 'RUC',
  taxable: 'Op. gravada',
  exempt: 'Op. exonerada',
  tax: 'IGV',
};

const ENGLISH: InvoicePdfTexts = {
  title: { [InvoiceKind.Invoice]: 'Invoice', [InvoiceKind.CreditNote]: 'Credit note' },
  draft: 'DRAFT',
  draftNotice: 'Not a valid document: it gets its number when issued.',
  void: 'VOID',
  voidedOn: 'Voided on',
  voidReason: 'Reason',
  taxId: 'Tax ID',
  phone: 'Phone',
  issuedOn: 'Issue date',
  createdOn: 'Created on',
  status: 'Status',
  currency: 'Currency',
  statuses: {
    [InvoiceStatus.Draft]: 'Draft',
    [InvoiceStatus.Issued]: 'Issued',
    [InvoiceStatus.PartiallyPaid]: 'Partially paid',
    [InvoiceStatus.Paid]: 'Paid',
    [InvoiceStatus.Void]: 'Void',
  },
  corrects: 'Corrects',
  patient: 'Patient',
  document: 'Document',
  care: 'Care',
  location: 'Location',
  doctor: 'Doctor',
  description: 'Description',
  quantity: 'Qty',
  unitPrice: 'Unit price',
  discount: 'Discount',
  amount: 'Amount',
  pricesIncludeTax: 'Prices include tax.',
  gross: 'Subtotal',
  discounts: 'Discount',
  taxable: 'Taxable amount',
  exempt: 'Exempt amount',
  tax: 'Tax',
  total: 'Total',
  credited: 'Credited',
  paid: 'Paid',
  balance: 'Balance due',
  payments: 'Payments',
  date: 'Date',
  method: 'Method',
  reference: 'Reference',
  methods: {
    [PaymentMethod.Cash]: 'Cash',
    [PaymentMethod.Card]: 'Card',
    [PaymentMethod.Transfer]: 'Bank transfer',
    [PaymentMethod.YapePlin]: 'Yape/Plin',
    [PaymentMethod.Insurer]: 'Insurer',
  },
  refund: 'refund',
  notes: 'Notes',
  reason: 'Reason',
  continued: 'continued',
  page: (page, pages) => `Page ${page} of ${pages}`,
};

/** Spanish for any `es` locale (with Peru's tax names for `es-PE`), English otherwise. */
export function invoicePdfTexts(locale: string): InvoicePdfTexts {
  const language = locale.toLowerCase();
  if (!language.startsWith('es')) return ENGLISH;
  return language === 'es-pe' ? { ...SPANISH, ...PERUVIAN } : SPANISH;
}
