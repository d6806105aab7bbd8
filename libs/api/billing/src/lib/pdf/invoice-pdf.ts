import {
  InvoiceKind,
  InvoiceStatus,
  type InvoiceDto,
  type InvoiceItemDto,
} from '@consultorio/shared/contracts';
import { Big } from '@consultorio/shared/money';
import { invoicePdfFormat, type InvoicePdfFormat } from './invoice-pdf-format';
import { invoicePdfTexts, type InvoicePdfTexts } from './invoice-pdf-texts';
import { invoiceTotalRows } from './invoice-pdf-totals';
import { COLOR, PdfLayout, type Column } from './pdf-layout';
import { toWinAnsi } from './win-ansi';

/** Everything printed on an invoice or credit note besides the document itself. */
export interface InvoicePdfInput {
  invoice: InvoiceDto;
  clinic: {
    name: string;
    taxId: string | null;
    address: string | null;
    phone: string | null;
    email: string | null;
    /** Language of the labels (Spanish for `es…`, else English) and of figures and dates. */
    locale: string;
    /** Where issue and payment instants are read as calendar days. */
    timeZone: string;
  };
  location: { name: string; address: string } | null;
  patient: { name: string; document: string | null; address: string | null; email: string | null };
}

/**
 * Renders an invoice or credit note as a printable A4 PDF: clinic header, document code and
 * state, patient, the lines (continued over as many pages as needed, header repeated), totals,
 * payments and notes, with "page n of m" on every page. The same input gives the same bytes.
 */
export function renderInvoicePdf(input: InvoicePdfInput): Promise<Buffer> {
  return new InvoicePdf(input).render();
}

class InvoicePdf {
  private readonly invoice: InvoiceDto;
  private readonly texts: InvoicePdfTexts;
  private readonly format: InvoicePdfFormat;
  private readonly layout: PdfLayout;

  constructor(private readonly input: InvoicePdfInput) {
    const { invoice, clinic } = input;
    this.invoice = invoice;
    this.texts = invoicePdfTexts(clinic.locale);
    this.format = invoicePdfFormat(clinic.locale, clinic.timeZone, invoice.currency);
    // Dated by the document, not by the moment it is printed, so reprints are identical.
    const date = new Date(invoice.issuedAt ?? invoice.createdAt);
    this.layout = new PdfLayout(
      {
        lang: clinic.locale,
        info: {
          Title: toWinAnsi(`${this.title} ${this.code}`),
          Author: toWinAnsi(clinic.name),
          Subject: toWinAnsi(input.patient.name),
          CreationDate: date,
          ModDate: date,
        },
      },
      (layout) => this.continuationHeader(layout),
    );
  }

  private get title(): string {
    return this.texts.title[this.invoice.kind];
  }

  /** The document's code, or the draft mark while it has none. */
  private get code(): string {
    return this.invoice.code ?? this.texts.draft;
  }

  render(): Promise<Buffer> {
    this.header();
    this.stateBanner();
    this.details();
    this.items();
    this.totals();
    this.payments();
    this.notes();
    this.layout.footers((page, pages) => ({
      left: [this.input.clinic.name, `${this.title} ${this.code}`].join(' · '),
      right: this.texts.page(page, pages),
    }));
    return this.layout.end();
  }

  // ------------------------------------------------------------ top of the document

  private header(): void {
    const { layout, texts, invoice } = this;
    const { clinic } = this.input;
    const boxWidth = 190;
    const boxX = layout.right - boxWidth;
    const top = layout.y;
    const infoWidth = boxX - layout.left - 24;

    let y = top;
    y += layout.draw(clinic.name, layout.left, y, {
      size: 16,
      bold: true,
      color: COLOR.accent,
      width: infoWidth,
    });
    y += 3;
    const contact = [clinic.phone ? `${texts.phone} ${clinic.phone}` : null, clinic.email].filter(Boolean);
    const lines = [
      clinic.taxId ? `${texts.taxId} ${clinic.taxId}` : null,
      clinic.address,
      contact.join(' · '),
    ];
    for (const line of lines) {
      if (line) y += layout.draw(line, layout.left, y, { size: 8.5, color: COLOR.muted, width: infoWidth });
    }

    // The document box: its kind, its code and, for a credit note, what it corrects.
    const inner = { x: boxX + 10, width: boxWidth - 20, align: 'center' as const };
    let boxY = top + 10;
    boxY += layout.draw(this.title.toUpperCase(), inner.x, boxY, {
      ...inner,
      size: 9,
      bold: true,
      color: COLOR.accent,
    });
    boxY += 3;
    boxY += layout.draw(this.code, inner.x, boxY, {
      ...inner,
      size: 15,
      bold: true,
      color: invoice.code ? COLOR.text : COLOR.muted,
      fit: true,
    });
    if (invoice.kind === InvoiceKind.CreditNote && invoice.creditOfCode) {
      boxY += 2;
      boxY += layout.draw(`${texts.corrects}: ${invoice.creditOfCode}`, inner.x, boxY, {
        ...inner,
        size: 8.5,
        color: COLOR.muted,
      });
    }
    boxY += 7;
    layout.doc
      .roundedRect(boxX, top, boxWidth, boxY - top, 4)
      .lineWidth(1)
      .strokeColor(COLOR.accent)
      .stroke();

    layout.y = Math.max(y, boxY) + 14;
  }

  /** A void document carries its stamp and reason; a draft says it is not a document yet. */
  private stateBanner(): void {
    const { invoice, texts, layout } = this;
    let stamp: string;
    let detail: string;
    let color: string;
    if (invoice.status === InvoiceStatus.Void) {
      stamp = texts.void;
      const when = invoice.voidedAt ? `${texts.voidedOn} ${this.format.longDate(invoice.voidedAt)}. ` : '';
      detail = `${when}${texts.voidReason}: ${invoice.voidReason ?? '–'}`;
      color = COLOR.void;
    } else if (invoice.status === InvoiceStatus.Draft) {
      stamp = texts.draft;
      detail = texts.draftNotice;
      color = COLOR.muted;
    } else {
      return;
    }
    const stampWidth = 120;
    const detailWidth = layout.width - stampWidth - 24;
    const detailHeight = layout.measure(detail, detailWidth);
    const height = Math.max(20, detailHeight) + 16;
    const top = layout.y;
    layout.doc
      .roundedRect(layout.left, top, layout.width, height, 4)
      .lineWidth(1.5)
      .strokeColor(color)
      .stroke();
    layout.draw(stamp, layout.left + 12, top + height / 2 - 7, {
      size: 16,
      bold: true,
      color,
      width: stampWidth,
    });
    layout.draw(detail, layout.left + 12 + stampWidth, top + (height - detailHeight) / 2 + 1, {
      color,
      width: detailWidth,
    });
    layout.y = top + height + 12;
  }

  /** Date, state and currency in a band, then who is billed and where they were seen. */
  private details(): void {
    const { invoice, texts, format, layout } = this;
    const { patient, location } = this.input;
    const band: { caption: string; value: string; color?: string }[] = [
      {
        caption: invoice.issuedAt ? texts.issuedOn : texts.createdOn,
        value: format.longDate(invoice.issuedAt ?? invoice.createdAt),
      },
      {
        caption: texts.status,
        value: texts.statuses[invoice.status],
        color: invoice.status === InvoiceStatus.Void ? COLOR.void : undefined,
      },
      { caption: texts.currency, value: this.currencyName() },
    ];
    const cellWidth = layout.width / band.length;
    const bandHeight = 34;
    layout.doc.rect(layout.left, layout.y, layout.width, bandHeight).fillColor(COLOR.band).fill();
    band.forEach(({ caption, value, color }, index) => {
      const x = layout.left + index * cellWidth + 10;
      layout.caption(caption, x, layout.y + 7, cellWidth - 20);
      layout.draw(value, x, layout.y + 18, { bold: true, color, width: cellWidth - 20, fit: true });
    });
    layout.y += bandHeight + 14;

    const columnWidth = (layout.width - 24) / 2;
    let left = layout.y;
    left += layout.caption(texts.patient, layout.left, left) + 3;
    left += layout.draw(patient.name, layout.left, left, { size: 10.5, bold: true, width: columnWidth }) + 1;
    const patientLines = [
      patient.document ? `${texts.document}: ${patient.document}` : null,
      patient.address,
      patient.email,
    ];
    for (const line of patientLines) {
      if (line) left += layout.draw(line, layout.left, left, { width: columnWidth });
    }

    const x = layout.left + columnWidth + 24;
    let right = layout.y;
    if (location || invoice.doctorName) right += layout.caption(texts.care, x, right) + 3;
    if (location) {
      right += layout.draw(`${texts.location}: ${location.name}`, x, right, { width: columnWidth });
      if (location.address) {
        right += layout.draw(location.address, x, right, { color: COLOR.muted, width: columnWidth });
      }
    }
    if (invoice.doctorName) {
      right += layout.draw(`${texts.doctor}: ${invoice.doctorName}`, x, right, { width: columnWidth });
    }
    layout.y = Math.max(left, right) + 16;
  }

  /** e.g. "Sol peruano (PEN)"; just the code when the runtime has no name for it. */
  private currencyName(): string {
    const { currency } = this.invoice;
    try {
      const name = new Intl.DisplayNames(this.input.clinic.locale, { type: 'currency' }).of(currency);
      return name && name !== currency
        ? `${name.charAt(0).toUpperCase()}${name.slice(1)} (${currency})`
        : currency;
    } catch {
      return currency;
    }
  }

  /** What later pages start with: whose document this is and which one. */
  private continuationHeader(layout: PdfLayout): void {
    const top = layout.y;
    layout.draw(this.input.clinic.name, layout.left, top, {
      size: 10,
      bold: true,
      color: COLOR.accent,
      width: 260,
      fit: true,
    });
    layout.draw(`${this.title} ${this.code} (${this.texts.continued})`, layout.right - 230, top + 1, {
      size: 8.5,
      color: COLOR.muted,
      width: 230,
      align: 'right',
      fit: true,
    });
    layout.rule(top + 17);
    layout.y = top + 28;
  }

  // ------------------------------------------------------------ lines and totals

  private items(): void {
    const { layout, texts, format, invoice } = this;
    const columns: Column[] = [
      { label: texts.description, width: layout.width - 44 - 82 - 72 - 88, align: 'left' },
      { label: texts.quantity, width: 44, align: 'right' },
      { label: texts.unitPrice, width: 82, align: 'right' },
      { label: texts.discount, width: 72, align: 'right' },
      { label: texts.amount, width: 88, align: 'right' },
    ];
    layout.ensure(18 + 24);
    layout.tableHeader(columns);
    for (const item of invoice.items) {
      layout.tableRow(
        columns,
        [
          item.description,
          format.quantity(item.quantity),
          format.money(item.unitPrice),
          new Big(item.discount).eq(0) ? '–' : format.money(item.discount),
          format.money(this.lineAmount(item)),
        ],
        0,
      );
    }
    layout.y += 8;
  }

  /** What the line adds up to as priced: with tax when prices include it, before tax otherwise. */
  private lineAmount(item: InvoiceItemDto): string {
    return this.invoice.pricesIncludeTax ? item.total : item.net;
  }

  private totals(): void {
    const { layout, texts, format, invoice } = this;
    const rows = invoiceTotalRows(invoice, texts, format);
    const rowHeight = 15;
    const strongGap = 3;
    const strongRows = rows.filter((row) => row.strong).length;
    layout.ensure(4 + rows.length * rowHeight + strongRows * 2 * strongGap);
    const width = 250;
    const x = layout.right - width;
    if (invoice.pricesIncludeTax) {
      layout.draw(texts.pricesIncludeTax, layout.left, layout.y + 4, {
        size: 8,
        color: COLOR.muted,
        width: x - layout.left - 20,
      });
    }
    let y = layout.y + 4;
    for (const row of rows) {
      if (row.strong) {
        layout.rule(y - strongGap, COLOR.text, x, width);
        y += strongGap;
      }
      const size = row.strong ? 10.5 : 9;
      layout.draw(row.label, x + 6, y, { size, bold: row.strong, width: 140 });
      layout.draw(format.money(row.amount), x + 146, y, {
        size,
        bold: row.strong,
        width: width - 152,
        align: 'right',
        fit: true,
      });
      y += rowHeight + (row.strong ? strongGap : 0);
    }
    layout.y = y + 12;
  }

  // ------------------------------------------------------------ payments and notes

  private payments(): void {
    const { layout, texts, format, invoice } = this;
    if (!invoice.payments.length) return;
    const columns: Column[] = [
      { label: texts.date, width: 86, align: 'left' },
      { label: texts.method, width: 150, align: 'left' },
      { label: texts.reference, width: layout.width - 86 - 150 - 100, align: 'left' },
      { label: texts.amount, width: 100, align: 'right' },
    ];
    layout.ensure(14 + 18 + 24);
    layout.y += layout.caption(texts.payments, layout.left, layout.y) + 4;
    layout.tableHeader(columns);
    for (const payment of invoice.payments) {
      const refund = new Big(payment.amount).lt(0);
      const method = texts.methods[payment.method] ?? payment.method;
      layout.tableRow(
        columns,
        [
          format.shortDate(payment.paidAt),
          refund ? `${method} (${texts.refund})` : method,
          payment.reference ?? '–',
          format.money(payment.amount),
        ],
        2,
      );
    }
    layout.y += 14;
  }

  private notes(): void {
    const { layout, texts, invoice } = this;
    if (!invoice.notes?.trim()) return;
    const caption = invoice.kind === InvoiceKind.CreditNote ? texts.reason : texts.notes;
    const height = layout.measure(invoice.notes, layout.width);
    layout.ensure(Math.min(height, 120) + 14);
    layout.y += layout.caption(caption, layout.left, layout.y) + 3;
    // Paragraph by paragraph, so long notes can still continue on the next page.
    for (const paragraph of invoice.notes.trim().split(/\n+/)) {
      layout.ensure(layout.measure(paragraph, layout.width));
      layout.y += layout.draw(paragraph, layout.left, layout.y, { width: layout.width });
    }
  }
}
