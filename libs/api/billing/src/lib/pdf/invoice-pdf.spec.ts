import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InvoiceItemKind,
  InvoiceKind,
  InvoiceStatus,
  PaymentMethod,
  type InvoiceDto,
  type InvoiceItemDto,
  type PaymentDto,
} from '@consultorio/shared/contracts';
import { invoiceTotals, subtractMoney, sumMoney, zeroMoney } from '@consultorio/shared/money';
import { renderInvoicePdf, type InvoicePdfInput } from './invoice-pdf';
import { invoicePdfFormat } from './invoice-pdf-format';
import { invoicePdfTexts } from './invoice-pdf-texts';
import { invoiceTotalRows } from './invoice-pdf-totals';

/*
 * Each sample is rendered, written to disk and read back with poppler's pdftotext and
 * pdfinfo, so what is checked is what a printer or a PDF viewer would show.
 * INVOICE_PDF_OUT=<dir> keeps the files (e.g. to look at them with pdftoppm).
 */

const keep = process.env['INVOICE_PDF_OUT'];
const dir = keep ?? mkdtempSync(join(tmpdir(), 'invoice-pdf-'));

afterAll(() => {
  if (!keep) rmSync(dir, { recursive: true, force: true });
});

interface Rendered {
  bytes: Buffer;
  /** pdftotext -layout output, no-break spaces as plain spaces. */
  text: string;
  pages: number;
}

async function render(name: string, input: InvoicePdfInput): Promise<Rendered> {
  const bytes = await renderInvoicePdf(input);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  return { bytes, text: text.replace(/\u00a0/g, ' '), pages };
}

/** The first line of the layout output holding `needle`, runs of spaces collapsed. */
function lineWith(text: string, needle: string): string {
  const lines = text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
  return lines.find((line) => line.includes(needle)) ?? '';
}

interface LineSpec {
  description: string;
  quantity?: string;
  unitPrice: string;
  discount?: string;
  taxRate?: string;
}

interface InvoiceSpec {
  currency: string;
  pricesIncludeTax: boolean;
  lines: LineSpec[];
  payments?: Pick<PaymentDto, 'amount' | 'method' | 'reference' | 'paidAt'>[];
  credited?: string;
  overrides?: Partial<InvoiceDto>;
}

/** An invoice whose figures are priced the way the API prices them. */
function invoice(spec: InvoiceSpec): InvoiceDto {
  const { currency, pricesIncludeTax } = spec;
  const lines = spec.lines.map((line) => ({ quantity: '1', discount: '0', taxRate: '0.18', ...line }));
  const totals = invoiceTotals(lines, { currency, pricesIncludeTax });
  const items: InvoiceItemDto[] = lines.map((line, index) => ({
    id: `item-${index + 1}`,
    position: index + 1,
    kind: InvoiceItemKind.Free,
    treatmentId: null,
    productId: null,
    description: line.description,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    discount: line.discount,
    taxRate: line.taxRate,
    net: totals.lines[index].net,
    tax: totals.lines[index].tax,
    total: totals.lines[index].total,
  }));
  const payments: PaymentDto[] = (spec.payments ?? []).map((payment, index) => ({
    id: `payment-${index + 1}`,
    invoiceId: 'invoice-1',
    receivedById: null,
    receivedByName: null,
    transactionId: `transaction-${index + 1}`,
    ...payment,
  }));
  const credited = spec.credited ?? zeroMoney(currency);
  const paid = payments.length
    ? sumMoney(
        payments.map((payment) => payment.amount),
        currency,
      )
    : zeroMoney(currency);
  return {
    id: 'invoice-1',
    kind: InvoiceKind.Invoice,
    seriesId: 'series-1',
    series: 'F001',
    number: 42,
    code: 'F001-00000042',
    status: InvoiceStatus.Issued,
    patientId: 'patient-1',
    patientName: 'José Ángel Peña Núñez',
    patientDocument: 'DNI 45678912',
    locationId: 'location-1',
    locationName: 'Sede Miraflores',
    doctorId: 'doctor-1',
    doctorName: 'Dra. María Fernández',
    appointmentId: null,
    creditOfId: null,
    creditOfCode: null,
    currency,
    pricesIncludeTax,
    gross: totals.gross,
    discount: totals.discount,
    net: totals.net,
    tax: totals.tax,
    total: totals.total,
    credited,
    paid,
    balance: subtractMoney(subtractMoney(totals.total, credited, currency), paid, currency),
    notes: null,
    // 03:30 UTC on 15 March is still 14 March in Lima: the date printed must be the clinic's.
    issuedAt: '2026-03-15T03:30:00.000Z',
    voidedAt: null,
    voidReason: null,
    createdAt: '2026-03-14T22:10:00.000Z',
    updatedAt: '2026-03-15T03:30:00.000Z',
    items,
    payments,
    creditNotes: [],
    ...spec.overrides,
  };
}

const peruvianClinic: InvoicePdfInput['clinic'] = {
  name: 'Clínica Dental Sonrisa',
  taxId: '20512345678',
  address: 'Av. José Larco 1150, Miraflores, Lima',
  phone: '01 445 6789',
  email: 'facturacion@sonrisa.pe',
  locale: 'es-PE',
  timeZone: 'America/Lima',
};

const patient: InvoicePdfInput['patient'] = {
  name: 'José Ángel Peña Núñez',
  document: 'DNI 45678912',
  address: 'Jr. Las Begonias 245, San Isidro',
  email: 'jose.pena@example.com',
};

const location = { name: 'Sede Miraflores', address: 'Av. José Larco 1150, Miraflores' };

/** Soles, prices with IGV included: 120 + 160 + 91 + 500 + 363.50 = 1,234.50. */
const solesInvoice = invoice({
  currency: 'PEN',
  pricesIncludeTax: true,
  lines: [
    { description: 'Consulta odontológica general', unitPrice: '120.00' },
    {
      description:
        'Limpieza dental con ultrasonido y profilaxis completa, incluye aplicación de flúor, pulido de ' +
        'piezas y control de placa bacteriana – primera sesión del plan de tratamiento',
      unitPrice: '180.00',
      discount: '20.00',
    },
    { description: 'Radiografía panorámica digital', quantity: '2', unitPrice: '45.50' },
    {
      description: 'Restauración con resina compuesta (pieza 3.6 y 4.6)',
      quantity: '2',
      unitPrice: '250.00',
    },
    { description: 'Blanqueamiento dental en consultorio', unitPrice: '363.50' },
  ],
  payments: [
    { amount: '500.00', method: PaymentMethod.Cash, reference: null, paidAt: '2026-03-15T05:35:00.000Z' },
    {
      amount: '400.00',
      method: PaymentMethod.YapePlin,
      reference: 'OP 884512',
      paidAt: '2026-03-20T16:00:00.000Z',
    },
  ],
  overrides: {
    status: InvoiceStatus.PartiallyPaid,
    notes: 'Próximo control en 6 meses.\nGracias por su preferencia.',
  },
});

describe('renderInvoicePdf', () => {
  it('prints a Peruvian invoice in soles with IGV, its payments and what is still owed', async () => {
    const { text, pages, bytes } = await render('pen-es-pe', {
      invoice: solesInvoice,
      clinic: peruvianClinic,
      location,
      patient,
    });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages).toBe(1);
    expect(text).toContain('Clínica Dental Sonrisa');
    expect(text).toContain('RUC 20512345678');
    expect(text).toContain('COMPROBANTE DE PAGO');
    expect(text).toContain('F001-00000042');
    expect(text).toContain('14 de marzo de 2026');
    expect(text).toContain('Pagado en parte');
    expect(text).toContain('José Ángel Peña Núñez');
    expect(text).toContain('Documento: DNI 45678912');
    expect(text).toContain('Sede: Sede Miraflores');
    expect(text).toContain('Doctor(a): Dra. María Fernández');
    expect(text).toContain('Página 1 de 1');

    // Lines: quantity, unit price, discount ("–" when none) and amount.
    expect(lineWith(text, 'Consulta odontológica')).toBe(
      'Consulta odontológica general 1 S/ 120.00 – S/ 120.00',
    );
    expect(lineWith(text, 'Radiografía')).toBe('Radiografía panorámica digital 2 S/ 45.50 – S/ 91.00');
    expect(lineWith(text, 'Limpieza dental')).toMatch(
      /^Limpieza dental .* 1 S\/ 180\.00 S\/ 20\.00 S\/ 160\.00$/,
    );
    // The long description wraps inside its column instead of running over the figures.
    expect(lineWith(text, 'plan de tratamiento')).toBe('sesión del plan de tratamiento');

    // Totals: 1,254.50 listed, 20 off, 1,234.50 with 18 % IGV inside; each line is split into
    // base and tax on its own, so the base is the sum of the lines' (1,046.18), not 1,234.50 / 1.18.
    expect(lineWith(text, 'Subtotal')).toContain('Subtotal S/ 1,254.50');
    expect(lineWith(text, 'Descuentos')).toContain('Descuentos -S/ 20.00');
    expect(solesInvoice.net).toBe('1046.18');
    expect(lineWith(text, 'Op. gravada')).toContain('Op. gravada S/ 1,046.18');
    expect(lineWith(text, 'IGV')).toContain('IGV 18 % S/ 188.32');
    expect(lineWith(text, 'Total ')).toContain('Total S/ 1,234.50');
    expect(lineWith(text, 'Pagado S/')).toContain('Pagado S/ 900.00');
    expect(lineWith(text, 'Saldo pendiente')).toContain('Saldo pendiente S/ 334.50');
    expect(text).toContain('Los precios incluyen impuestos.');

    // Payments in the clinic's calendar, methods in Spanish.
    expect(lineWith(text, 'Efectivo')).toBe('15/03/2026 Efectivo – S/ 500.00');
    expect(lineWith(text, 'Yape/Plin')).toBe('20/03/2026 Yape/Plin OP 884512 S/ 400.00');
    expect(text).toContain('OBSERVACIONES');
    expect(text).toContain('Próximo control en 6 meses.');
    expect(text).not.toContain('ANULADO');
    expect(text).not.toContain('BORRADOR');
  });

  it('gives the same bytes every time the same invoice is printed', async () => {
    const input = { invoice: solesInvoice, clinic: peruvianClinic, location, patient };
    const [first, second] = await Promise.all([renderInvoicePdf(input), renderInvoicePdf(input)]);
    expect(first.equals(second)).toBe(true);
    expect(first.toString('latin1')).toContain('(D:20260315033000Z)');
  });

  it('prints Chilean pesos without decimals and a refund as a negative payment', async () => {
    const pesos = invoice({
      currency: 'CLP',
      pricesIncludeTax: false,
      lines: [
        { description: 'Evaluación de ortodoncia', unitPrice: '25000', taxRate: '0.19' },
        {
          description: 'Control de brackets',
          quantity: '2',
          unitPrice: '45000',
          discount: '5000',
          taxRate: '0.19',
        },
      ],
      payments: [
        {
          amount: '130900',
          method: PaymentMethod.Transfer,
          reference: 'TRF-1029',
          paidAt: '2026-03-15T14:00:00.000Z',
        },
        { amount: '-10000', method: PaymentMethod.Cash, reference: null, paidAt: '2026-03-18T14:00:00.000Z' },
      ],
      credited: '10000',
      overrides: { status: InvoiceStatus.Paid },
    });
    expect(pesos.total).toBe('130900');
    const { text } = await render('clp-es-cl', {
      invoice: pesos,
      clinic: {
        ...peruvianClinic,
        name: 'Centro Dental Ñuñoa',
        locale: 'es-CL',
        timeZone: 'America/Santiago',
      },
      location: { name: 'Ñuñoa', address: 'Av. Irarrázaval 3400, Ñuñoa' },
      patient: { ...patient, document: 'RUT 12.345.678-5' },
    });
    expect(text).toContain('Centro Dental Ñuñoa');
    expect(text).toContain('Id. tributario 20512345678');
    expect(text).not.toContain('RUC');
    expect(lineWith(text, 'Control de brackets')).toBe('Control de brackets 2 $45.000 $5.000 $85.000');
    expect(lineWith(text, 'Subtotal')).toContain('Subtotal $115.000');
    expect(lineWith(text, 'Base imponible')).toContain('Base imponible $110.000');
    expect(lineWith(text, 'Impuesto')).toContain('Impuesto 19 % $20.900');
    expect(lineWith(text, 'Total ')).toContain('Total $130.900');
    expect(lineWith(text, 'Notas de crédito')).toContain('Notas de crédito $-10.000');
    expect(lineWith(text, 'Pagado $')).toContain('Pagado $120.900');
    expect(lineWith(text, 'Saldo pendiente')).toContain('Saldo pendiente $0');
    expect(lineWith(text, 'Transferencia')).toBe('15-03-2026 Transferencia TRF-1029 $130.900');
    expect(lineWith(text, 'devolución')).toBe('18-03-2026 Efectivo (devolución) – $-10.000');
    expect(text).not.toMatch(/\$\d[\d.]*,\d/);
  });

  it('prints in English for an English-speaking clinic, tax added on top and exempt lines apart', async () => {
    const dollars = invoice({
      currency: 'USD',
      pricesIncludeTax: false,
      lines: [
        { description: 'Dental check-up', unitPrice: '1200.00', taxRate: '0.0825' },
        { description: 'Night guard', unitPrice: '350.00', discount: '50.00', taxRate: '0.0825' },
        { description: 'Prescription (exempt)', unitPrice: '40.00', taxRate: '0' },
      ],
    });
    const { text } = await render('usd-en', {
      invoice: dollars,
      clinic: {
        name: 'Bright Smile Dental',
        taxId: '12-3456789',
        address: '200 Main Street, Springfield',
        phone: '+1 555 0100',
        email: 'billing@brightsmile.example',
        locale: 'en-US',
        timeZone: 'America/New_York',
      },
      location: null,
      patient: { name: 'Jane Doe', document: null, address: null, email: null },
    });
    expect(text).toContain('INVOICE');
    expect(text).toContain('Tax ID 12-3456789');
    expect(text).toContain('ISSUE DATE');
    expect(text).toContain('March 14, 2026');
    expect(text).toContain('STATUS');
    expect(text).toContain('Issued');
    expect(text).toContain('Page 1 of 1');
    expect(lineWith(text, 'Dental check-up')).toBe('Dental check-up 1 $1,200.00 – $1,200.00');
    expect(lineWith(text, 'Subtotal')).toContain('Subtotal $1,590.00');
    expect(lineWith(text, 'Discount -')).toBe('Discount -$50.00');
    expect(lineWith(text, 'Taxable amount')).toContain('Taxable amount $1,500.00');
    expect(lineWith(text, 'Exempt amount')).toContain('Exempt amount $40.00');
    expect(lineWith(text, 'Tax 8.25 %')).toContain('Tax 8.25 % $123.75');
    expect(lineWith(text, 'Total ')).toContain('Total $1,663.75');
    expect(lineWith(text, 'Balance due')).toContain('Balance due $1,663.75');
    expect(text).not.toContain('Payments');
    expect(text).not.toMatch(/Comprobante|Página|Pagado/);
  });

  it('prints a credit note with the document it corrects and its reason', async () => {
    const note = invoice({
      currency: 'PEN',
      pricesIncludeTax: true,
      lines: [{ description: 'Blanqueamiento dental en consultorio', unitPrice: '363.50' }],
      overrides: {
        kind: InvoiceKind.CreditNote,
        series: 'FC01',
        number: 3,
        code: 'FC01-00000003',
        creditOfId: 'invoice-0',
        creditOfCode: 'F001-00000042',
        notes: 'Tratamiento no realizado.',
      },
    });
    const { text } = await render('credit-note', {
      invoice: note,
      clinic: peruvianClinic,
      location,
      patient,
    });
    expect(text).toContain('NOTA DE CRÉDITO');
    expect(text).toContain('FC01-00000003');
    expect(text).toContain('Corrige a: F001-00000042');
    expect(text).toContain('MOTIVO');
    expect(text).toContain('Tratamiento no realizado.');
    expect(lineWith(text, 'Total ')).toContain('Total S/ 363.50');
    // A credit note is not something the patient pays.
    expect(text).not.toContain('Saldo pendiente');
  });

  it('stamps a void invoice ANULADO with its reason', async () => {
    const voided = invoice({
      currency: 'PEN',
      pricesIncludeTax: true,
      lines: [{ description: 'Consulta odontológica general', unitPrice: '120.00' }],
      overrides: {
        status: InvoiceStatus.Void,
        voidedAt: '2026-03-16T15:00:00.000Z',
        voidReason: 'Error en los datos del paciente',
      },
    });
    const { text } = await render('void', { invoice: voided, clinic: peruvianClinic, location, patient });
    expect(text).toContain('ANULADO');
    expect(text).toContain('Anulado el 16 de marzo de 2026. Motivo: Error en los datos del paciente');
    expect(text).toContain('F001-00000042');
    expect(text).not.toContain('Saldo pendiente');
  });

  it('marks a draft as such, without a number', async () => {
    const draft = invoice({
      currency: 'PEN',
      pricesIncludeTax: true,
      lines: [{ description: 'Consulta odontológica general', unitPrice: '120.00' }],
      overrides: { status: InvoiceStatus.Draft, number: null, code: null, issuedAt: null },
    });
    const { text } = await render('draft', { invoice: draft, clinic: peruvianClinic, location, patient });
    expect(text.match(/BORRADOR/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Documento sin número ni validez');
    expect(text).toContain('FECHA DE CREACIÓN');
    expect(text).toContain('14 de marzo de 2026');
    expect(text).not.toMatch(/F001-\d/);
    expect(text).not.toContain('Saldo pendiente');
  });

  it('continues a long invoice over several pages with the table header repeated', async () => {
    const long = invoice({
      currency: 'PEN',
      pricesIncludeTax: true,
      lines: Array.from({ length: 60 }, (_, index) => ({
        description:
          index % 7 === 3
            ? `Servicio ${index + 1}: sesión de fisioterapia con electroestimulación, ultrasonido terapéutico y ejercicios guiados de rehabilitación`
            : `Servicio ${index + 1}: sesión de control`,
        unitPrice: '10.00',
      })),
    });
    expect(long.total).toBe('600.00');
    const { text, pages } = await render('sixty-items', {
      invoice: long,
      clinic: peruvianClinic,
      location,
      patient,
    });
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Página ${page} de ${pages}`);
    expect(text.match(/Descripción/g)?.length).toBe(pages);
    expect(text.match(/\(continuación\)/g)?.length).toBe(pages - 1);
    for (let index = 1; index <= 60; index++) expect(text).toContain(`Servicio ${index}:`);
    expect(lineWith(text, 'Total ')).toContain('Total S/ 600.00');
    // Pages break between rows: the last page holds the totals, after the last line.
    const lastPage = (
      text
        .split('\f')
        .filter((page) => page.trim())
        .at(-1) ?? ''
    ).replace(/ +/g, ' ');
    expect(lastPage).toContain('Saldo pendiente S/ 600.00');
    expect(lastPage.indexOf('Servicio 60:')).toBeLessThan(lastPage.indexOf('Subtotal'));
  });

  it('prints characters outside the standard fonts as their closest letter', async () => {
    const { text } = await render('characters', {
      invoice: solesInvoice,
      clinic: peruvianClinic,
      location,
      patient: { ...patient, name: 'Zoë Łukasiewicz Őrs 王' },
    });
    expect(text).toContain('Zoë Lukasiewicz Ors ?');
  });

  it('names every distinct tax rate of the lines, lowest first', () => {
    const mixed = invoice({
      currency: 'PEN',
      pricesIncludeTax: false,
      lines: [
        { description: 'A', unitPrice: '100.00', taxRate: '0.18' },
        { description: 'B', unitPrice: '100.00', taxRate: '0.1' },
        { description: 'C', unitPrice: '100.00', taxRate: '0.1800' },
      ],
    });
    const rows = invoiceTotalRows(
      mixed,
      invoicePdfTexts('es-CL'),
      invoicePdfFormat('es-CL', 'America/Santiago', 'PEN'),
    );
    expect(rows.map((row) => `${row.label}: ${row.amount}`)).toEqual([
      'Subtotal: 300.00',
      'Base imponible: 300.00',
      'Impuesto 10 % / 18 %: 46.00',
      'Total: 346.00',
      'Pagado: 0.00',
      'Saldo pendiente: 346.00',
    ]);
  });
});
