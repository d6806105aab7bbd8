import PDFDocument from 'pdfkit';
import { toWinAnsi } from './win-ansi';

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = 48;
/** Room kept at the bottom of every page for the footer. */
const FOOTER_ROOM = 34;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const LINE_GAP = 1.5;
const CELL_PADDING = 4.5;

export const COLOR = {
  text: '#1f2933',
  muted: '#66707a',
  rule: '#d5dae0',
  band: '#eef2f4',
  accent: '#0e5a6b',
  void: '#b42318',
};

export interface DrawOptions {
  /** Font size in points; 9 by default. */
  size?: number;
  bold?: boolean;
  color?: string;
  width?: number;
  align?: 'left' | 'right' | 'center';
  /** Whether to shrink the font (down to 6 pt) until the text fits one line of `width`. */
  fit?: boolean;
}

export interface Column {
  label: string;
  width: number;
  align: 'left' | 'right';
}

/**
 * A thin layer over pdfkit for a top-to-bottom document: a cursor `y`, text drawn at explicit
 * positions (so pdfkit never breaks pages on its own), tables whose rows move to a new page
 * when they do not fit, and a footer stamped on every page at the end.
 */
export class PdfLayout {
  readonly doc: PDFKit.PDFDocument;
  readonly left = MARGIN;
  readonly width = A4.width - 2 * MARGIN;
  readonly right = A4.width - MARGIN;
  /** Lowest point content may reach on a page. */
  readonly bottom = A4.height - MARGIN - FOOTER_ROOM;
  y = MARGIN;

  /**
   * @param continuation draws the top of every page after the first (a short reminder of
   *   what the document is) and moves `y` below it.
   */
  constructor(
    options: PDFKit.PDFDocumentOptions,
    private readonly continuation: (layout: PdfLayout) => void,
  ) {
    this.doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, ...options });
  }

  /** Writes `text` with its top at `y`, wrapping to `width`; returns the height it took. */
  draw(text: string, x: number, y: number, options: DrawOptions = {}): number {
    const {
      size = 9,
      bold = false,
      color = COLOR.text,
      width = this.right - x,
      align = 'left',
      fit,
    } = options;
    const value = toWinAnsi(text);
    this.doc
      .font(bold ? BOLD : REGULAR)
      .fontSize(size)
      .fillColor(color);
    if (fit) {
      let fitted = size;
      while (fitted > 6 && this.doc.widthOfString(value) > width) {
        fitted -= 0.5;
        this.doc.fontSize(fitted);
      }
      // Keep the baseline where the full-size text would have it.
      this.doc.text(value, x, y + (size - fitted) * 0.75, { width, align, lineBreak: false });
      return this.doc.fontSize(size).currentLineHeight(true);
    }
    const height = this.doc.heightOfString(value, { width, lineGap: LINE_GAP });
    this.doc.text(value, x, y, { width, align, lineGap: LINE_GAP });
    return height;
  }

  /** Height `text` would take at `width`. */
  measure(text: string, width: number, options: Pick<DrawOptions, 'size' | 'bold'> = {}): number {
    this.doc.font(options.bold ? BOLD : REGULAR).fontSize(options.size ?? 9);
    return this.doc.heightOfString(toWinAnsi(text), { width, lineGap: LINE_GAP });
  }

  /** A small upper-case caption above a value. */
  caption(text: string, x: number, y: number, width?: number): number {
    return this.draw(text.toUpperCase(), x, y, { size: 7, bold: true, color: COLOR.muted, width });
  }

  rule(y: number, color = COLOR.rule, x = this.left, width = this.width): void {
    this.doc
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(0.6)
      .strokeColor(color)
      .stroke();
  }

  /** Moves to a new page unless `height` still fits below `y`; says whether it moved. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.doc.addPage();
    this.y = MARGIN;
    this.continuation(this);
    return true;
  }

  tableHeader(columns: readonly Column[], x = this.left): void {
    const height = 18;
    const width = columns.reduce((sum, column) => sum + column.width, 0);
    this.doc.rect(x, this.y, width, height).fillColor(COLOR.band).fill();
    let cellX = x;
    for (const column of columns) {
      this.draw(column.label, cellX + CELL_PADDING, this.y + 5.5, {
        size: 7.5,
        bold: true,
        color: COLOR.muted,
        width: column.width - 2 * CELL_PADDING,
        align: column.align,
        fit: true,
      });
      cellX += column.width;
    }
    this.y += height;
  }

  /**
   * One table row; `wrap` is the column whose text may take several lines (the others are
   * shrunk to fit one). A row that does not fit starts a new page with the header repeated.
   */
  tableRow(columns: readonly Column[], cells: readonly string[], wrap: number, x = this.left): void {
    const wrapWidth = columns[wrap].width - 2 * CELL_PADDING;
    const height = Math.max(this.measure(cells[wrap], wrapWidth), 11) + 2 * CELL_PADDING;
    if (this.ensure(height)) this.tableHeader(columns, x);
    let cellX = x;
    columns.forEach((column, index) => {
      this.draw(cells[index] ?? '', cellX + CELL_PADDING, this.y + CELL_PADDING, {
        width: column.width - 2 * CELL_PADDING,
        align: column.align,
        fit: index !== wrap,
      });
      cellX += column.width;
    });
    this.y += height;
    const width = columns.reduce((sum, column) => sum + column.width, 0);
    this.rule(this.y, COLOR.rule, x, width);
  }

  /** Stamps `footer(page, pages)` at the bottom of every page. */
  footers(footer: (page: number, pages: number) => { left: string; right: string }): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let index = start; index < start + count; index++) {
      this.doc.switchToPage(index);
      // The footer sits in the bottom margin; without this pdfkit would open a page for it.
      const margins = this.doc.page.margins;
      this.doc.page.margins = { ...margins, bottom: 0 };
      const { left, right } = footer(index - start + 1, count);
      const y = A4.height - MARGIN - 14;
      this.rule(y - 6);
      this.draw(left, this.left, y, { size: 7.5, color: COLOR.muted, width: this.width - 110, fit: true });
      this.draw(right, this.right - 110, y, { size: 7.5, color: COLOR.muted, width: 110, align: 'right' });
      this.doc.page.margins = margins;
    }
  }

  /** Ends the document; resolves with its bytes. */
  end(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.doc.end();
    return done;
  }
}
