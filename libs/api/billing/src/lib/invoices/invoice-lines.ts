import type { EntityManager } from 'typeorm';
import { InvoiceItemKind, type FieldError, type InvoiceItemInputDto } from '@consultorio/shared/contracts';
import {
  invoiceTotals,
  lineProblems,
  type InvoiceTotals,
  type PricingRules,
} from '@consultorio/shared/money';
import { unprocessable } from '@consultorio/api/core';

/** A line ready to be stored: everything the client left out filled from the catalog and the clinic. */
export interface PricedLine {
  position: number;
  kind: InvoiceItemKind;
  treatmentId: string | null;
  productId: string | null;
  description: string;
  quantity: string;
  unitPrice: string;
  discount: string;
  taxRate: string;
}

export interface Pricing extends PricingRules {
  /** The clinic's rate, for lines that do not say theirs. */
  taxRate: string;
}

interface CatalogRow {
  id: string;
  name: string;
  price: string;
  active: boolean;
}

async function catalogRows(manager: EntityManager, table: 'treatments' | 'products', ids: string[]) {
  if (ids.length === 0) return new Map<string, CatalogRow>();
  const rows: CatalogRow[] = await manager.query(
    `SELECT id, name, price, active FROM ${table} WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Fills each line's description, price and rate from its treatment or product and the clinic,
 * checks it with the shared rules and prices the lot. Throws one 422 naming every bad field
 * (`items.2.unitPrice`).
 */
export async function priceLines(
  manager: EntityManager,
  items: readonly InvoiceItemInputDto[],
  pricing: Pricing,
): Promise<{ lines: PricedLine[]; totals: InvoiceTotals }> {
  const ids = (kind: InvoiceItemKind, pick: (item: InvoiceItemInputDto) => string | undefined) => [
    ...new Set(
      items
        .filter((item) => item.kind === kind)
        .map(pick)
        .filter((id): id is string => !!id),
    ),
  ];
  const treatments = await catalogRows(
    manager,
    'treatments',
    ids(InvoiceItemKind.Treatment, (item) => item.treatmentId),
  );
  const products = await catalogRows(
    manager,
    'products',
    ids(InvoiceItemKind.Product, (item) => item.productId),
  );

  const errors: FieldError[] = [];
  const lines = items.map((item, index): PricedLine => {
    const field = (name: string) => `items.${index}.${name}`;
    let source: CatalogRow | undefined;
    if (item.kind === InvoiceItemKind.Treatment) {
      source = treatments.get(item.treatmentId ?? '');
      if (!source)
        errors.push({
          field: field('treatmentId'),
          code: 'reference',
          message: 'treatmentId does not exist',
        });
    } else if (item.kind === InvoiceItemKind.Product) {
      source = products.get(item.productId ?? '');
      if (!source)
        errors.push({ field: field('productId'), code: 'reference', message: 'productId does not exist' });
    }
    if (source && !source.active) {
      errors.push({
        field: field(`${item.kind}Id`),
        code: 'inactive',
        message: `the ${item.kind} is no longer offered`,
      });
    }
    const line: PricedLine = {
      position: index + 1,
      kind: item.kind,
      treatmentId: item.kind === InvoiceItemKind.Treatment ? (item.treatmentId ?? null) : null,
      productId: item.kind === InvoiceItemKind.Product ? (item.productId ?? null) : null,
      description: item.description ?? source?.name ?? '',
      quantity: item.quantity,
      unitPrice: item.unitPrice ?? source?.price ?? '0',
      discount: item.discount ?? '0',
      taxRate: item.taxRate ?? pricing.taxRate,
    };
    if (source || item.kind === InvoiceItemKind.Free) {
      for (const problem of lineProblems(line, pricing.currency)) {
        errors.push({ field: field(problem.field), code: 'invalid', message: problem.message });
      }
    }
    return line;
  });
  if (errors.length) {
    throw unprocessable(
      'invalid-lines',
      `The invoice has ${errors.length} invalid line field${errors.length === 1 ? '' : 's'}.`,
      errors,
    );
  }
  return { lines, totals: invoiceTotals(lines, pricing) };
}

/** Stores priced lines (replacing none: callers delete a draft's old lines first). */
export async function insertLines(
  manager: EntityManager,
  invoiceId: string,
  lines: readonly PricedLine[],
  totals: InvoiceTotals,
): Promise<void> {
  if (lines.length === 0) return;
  await manager.query(
    `INSERT INTO invoice_items (invoice_id, position, kind, treatment_id, product_id, description, quantity,
                                unit_price, discount, tax_rate, net, tax, total)
     SELECT $1, * FROM unnest($2::smallint[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::numeric[],
                              $8::numeric[], $9::numeric[], $10::numeric[], $11::numeric[], $12::numeric[], $13::numeric[])`,
    [
      invoiceId,
      lines.map((line) => line.position),
      lines.map((line) => line.kind),
      lines.map((line) => line.treatmentId),
      lines.map((line) => line.productId),
      lines.map((line) => line.description),
      lines.map((line) => line.quantity),
      lines.map((line) => line.unitPrice),
      lines.map((line) => line.discount),
      lines.map((line) => line.taxRate),
      totals.lines.map((line) => line.net),
      totals.lines.map((line) => line.tax),
      totals.lines.map((line) => line.total),
    ],
  );
}
