import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditAction,
  InvoiceItemKind,
  InvoiceKind,
  InvoiceStatus,
  type CreateCreditNoteDto,
  type CreateInvoiceDto,
  type InvoiceDto,
  type InvoiceItemInputDto,
  type InvoicePageDto,
  type InvoiceQueryDto,
  type InvoiceSummaryDto,
  type PatientBalanceDto,
  type UpdateInvoiceDto,
  type VoidInvoiceDto,
} from '@consultorio/shared/contracts';
import { Big, compareMoney, roundMoney, subtractMoney, sumMoney } from '@consultorio/shared/money';
import {
  AuditService,
  conflict,
  notFound,
  pageOfRows,
  SqlWhere,
  unprocessable,
  type RequestContext,
} from '@consultorio/api/core';
import { ClinicSettingsService } from '@consultorio/api/settings';
import { renderInvoicePdf } from '../pdf/invoice-pdf';
import { insertLines, priceLines, type Pricing } from './invoice-lines';
import {
  ITEM_COLUMNS,
  PAYMENT_SELECT,
  SUMMARY_COLUMNS,
  SUMMARY_FROM,
  documentCode,
  settledStatus,
  toItemDto,
  toPaymentDto,
  toSummaryDto,
  type InvoiceRow,
  type ItemRow,
  type PaymentRow,
} from './invoice.sql';
import { PaymentsService } from './payments.service';

const SORTABLE: Record<string, string> = {
  createdAt: 'i.created_at',
  issuedAt: 'i.issued_at',
  total: 'i.total',
  number: 'i.number',
};

interface AppointmentFacts {
  patient_id: string;
  doctor_id: string;
  location_id: string;
  treatment_id: string | null;
  status: string;
}

/** The columns of an invoice row locked for a change. */
interface LockedInvoice {
  id: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  series_id: string;
  series: string;
  number: number | null;
  currency: string;
  prices_include_tax: boolean;
  patient_id: string;
  location_id: string;
  doctor_id: string | null;
  total: string;
  credited: string;
  paid: string;
}

/**
 * Invoices and credit notes: drafts are free to change; issuing takes the next number of the
 * series under the series row's lock, so numbers never skip or repeat; issued documents only
 * settle (payments, credit notes) or are voided, and the database refuses anything else.
 */
@Injectable()
export class InvoicesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly settings: ClinicSettingsService,
    private readonly payments: PaymentsService,
  ) {}

  async list(query: InvoiceQueryDto): Promise<InvoicePageDto> {
    const where = new SqlWhere();
    if (query.status) where.add('i.status = ?', query.status);
    if (query.kind) where.add('i.kind = ?', query.kind);
    if (query.patientId) where.add('i.patient_id = ?', query.patientId);
    if (query.doctorId) where.add('i.doctor_id = ?', query.doctorId);
    if (query.locationId) where.add('i.location_id = ?', query.locationId);
    if (query.appointmentId) where.add('i.appointment_id = ?', query.appointmentId);
    if (query.from || query.to) {
      const { timeZone } = await this.settings.get();
      const day = `(coalesce(i.issued_at, i.created_at) AT TIME ZONE ${where.param(timeZone)})::date`;
      if (query.from) where.add(`${day} >= ?::date`, query.from);
      if (query.to) where.add(`${day} <= ?::date`, query.to);
    }
    if (query.unpaid) where.add(`i.kind = 'invoice' AND i.status IN ('issued', 'partially_paid')`);
    const search = query.search?.trim();
    const code = search && /^([A-Za-z0-9]{1,8})-0*(\d{1,8})$/.exec(search);
    if (code) where.add('s.code = ? AND i.number = ?', code[1], Number(code[2]));
    else if (search) {
      where.add(
        `(p.search_text LIKE '%' || immutable_unaccent(lower(?)) || '%' OR s.code = ?)`,
        search,
        search,
      );
    }
    return pageOfRows(this.dataSource, {
      select: `SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM}`,
      count: `SELECT 1 ${SUMMARY_FROM}`,
      where,
      query,
      sortable: SORTABLE,
      defaultSort: '-createdAt',
      tieBreaker: 'i.id',
      map: toSummaryDto,
    });
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<InvoiceDto> {
    const [row]: InvoiceRow[] = await manager.query(
      `SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM} WHERE i.id = $1`,
      [id],
    );
    if (!row) throw notFound('Invoice');
    const summary = toSummaryDto(row);
    // One after another: inside a transaction they share one connection.
    const items: ItemRow[] = await manager.query(
      `SELECT ${ITEM_COLUMNS} FROM invoice_items WHERE invoice_id = $1 ORDER BY position`,
      [id],
    );
    const payments: PaymentRow[] = await manager.query(
      `${PAYMENT_SELECT} WHERE pay.invoice_id = $1 ORDER BY pay.paid_at, pay.id`,
      [id],
    );
    const credits: InvoiceRow[] = await manager.query(
      `SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM} WHERE i.credit_of_id = $1 ORDER BY i.created_at`,
      [id],
    );
    return {
      ...summary,
      items: items.map((item) => toItemDto(item, summary.currency)),
      payments: payments.map((payment) => toPaymentDto(payment, summary.currency)),
      creditNotes: credits.map(toSummaryDto),
    };
  }

  /** What a patient was billed, paid and still owes (issued invoices, not void). */
  async balance(patientId: string): Promise<PatientBalanceDto> {
    const { currency } = await this.settings.get();
    const [row] = await this.dataSource.query(
      `SELECT coalesce(sum(total), 0) AS billed, coalesce(sum(credited), 0) AS credited,
              coalesce(sum(paid), 0) AS paid,
              count(*) FILTER (WHERE status IN ('issued', 'partially_paid'))::int AS open
       FROM invoices WHERE patient_id = $1 AND kind = 'invoice' AND status NOT IN ('draft', 'void')`,
      [patientId],
    );
    return {
      patientId,
      currency,
      billed: roundMoney(row.billed, currency),
      credited: roundMoney(row.credited, currency),
      paid: roundMoney(row.paid, currency),
      balance: subtractMoney(new Big(row.billed).minus(row.credited), row.paid, currency),
      openInvoices: row.open,
    };
  }

  async create(dto: CreateInvoiceDto, context: RequestContext): Promise<InvoiceDto> {
    const pricing = await this.pricing();
    return this.dataSource.transaction(async (manager) => {
      let appointment: AppointmentFacts | undefined;
      if (dto.appointmentId) {
        [appointment] = await manager.query(
          `SELECT patient_id, doctor_id, location_id, treatment_id, status FROM appointments WHERE id = $1`,
          [dto.appointmentId],
        );
        if (!appointment) {
          throw unprocessable('unknown-appointment', 'The appointment does not exist.', [
            { field: 'appointmentId', code: 'reference', message: 'appointmentId does not exist' },
          ]);
        }
        if (appointment.patient_id !== dto.patientId) {
          throw unprocessable('wrong-patient', 'The appointment belongs to another patient.', [
            { field: 'appointmentId', code: 'patient', message: 'the appointment is not this patient’s' },
          ]);
        }
        if (appointment.status === 'cancelled') {
          throw unprocessable('cancelled-appointment', 'A cancelled appointment is not billed.');
        }
        await this.assertNotBilled(manager, dto.appointmentId);
      }
      const locationId = dto.locationId ?? appointment?.location_id;
      if (!locationId) {
        throw unprocessable('location-required', 'Say where it is billed: locationId (or an appointment).', [
          { field: 'locationId', code: 'required', message: 'locationId is required without an appointment' },
        ]);
      }
      const seriesId = await this.seriesFor(manager, InvoiceKind.Invoice, dto.seriesId);
      const items: InvoiceItemInputDto[] =
        dto.items ??
        (appointment?.treatment_id
          ? [{ kind: InvoiceItemKind.Treatment, treatmentId: appointment.treatment_id, quantity: '1' }]
          : []);
      const { lines, totals } = await priceLines(manager, items, pricing);
      const [{ id }] = await manager.query(
        `INSERT INTO invoices (kind, series_id, patient_id, location_id, doctor_id, appointment_id, currency,
                               prices_include_tax, gross, discount, net, tax, total, notes, created_by)
         VALUES ('invoice', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          seriesId,
          dto.patientId,
          locationId,
          dto.doctorId !== undefined ? dto.doctorId : (appointment?.doctor_id ?? null),
          dto.appointmentId ?? null,
          pricing.currency,
          pricing.pricesIncludeTax,
          totals.gross,
          totals.discount,
          totals.net,
          totals.tax,
          totals.total,
          dto.notes ?? null,
          context.user?.id ?? null,
        ],
      );
      await insertLines(manager, id, lines, totals);
      const invoice = await this.get(id, manager);
      await this.audit.record(manager, context, {
        action: AuditAction.Create,
        entity: 'invoice',
        entityId: id,
        changes: {
          patientId: { before: null, after: invoice.patientId },
          appointmentId: { before: null, after: invoice.appointmentId },
          total: { before: null, after: invoice.total },
          items: { before: null, after: invoice.items.length },
        },
      });
      return invoice;
    });
  }

  async update(id: string, dto: UpdateInvoiceDto, context: RequestContext): Promise<InvoiceDto> {
    const pricing = await this.pricing();
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockDraft(manager, id);
      const previous = await this.get(id, manager);
      const seriesId = dto.seriesId
        ? await this.seriesFor(manager, InvoiceKind.Invoice, dto.seriesId)
        : before.series_id;
      let totals = {
        gross: previous.gross,
        discount: previous.discount,
        net: previous.net,
        tax: previous.tax,
        total: previous.total,
      };
      if (dto.items) {
        const priced = await priceLines(manager, dto.items, pricing);
        await manager.query(`DELETE FROM invoice_items WHERE invoice_id = $1`, [id]);
        await insertLines(manager, id, priced.lines, priced.totals);
        totals = priced.totals;
      }
      await manager.query(
        `UPDATE invoices SET patient_id = $2, location_id = $3, doctor_id = $4, series_id = $5, notes = $6,
                currency = $7, prices_include_tax = $8, gross = $9, discount = $10, net = $11, tax = $12,
                total = $13, updated_at = now()
         WHERE id = $1`,
        [
          id,
          dto.patientId ?? before.patient_id,
          dto.locationId ?? before.location_id,
          dto.doctorId !== undefined ? dto.doctorId : before.doctor_id,
          seriesId,
          dto.notes !== undefined ? dto.notes : previous.notes,
          dto.items ? pricing.currency : before.currency,
          dto.items ? pricing.pricesIncludeTax : before.prices_include_tax,
          totals.gross,
          totals.discount,
          totals.net,
          totals.tax,
          totals.total,
        ],
      );
      const invoice = await this.get(id, manager);
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      for (const field of ['patientId', 'locationId', 'doctorId', 'seriesId', 'notes', 'total'] as const) {
        if (previous[field] !== invoice[field])
          changes[field] = { before: previous[field], after: invoice[field] };
      }
      if (dto.items) changes['items'] = { before: previous.items.length, after: invoice.items.length };
      await this.audit.record(manager, context, {
        action: AuditAction.Update,
        entity: 'invoice',
        entityId: id,
        changes,
      });
      return invoice;
    });
  }

  /** Deletes a draft (issued documents are never deleted). */
  async remove(id: string, context: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const draft = await this.lockDraft(manager, id);
      await manager.query(`DELETE FROM invoices WHERE id = $1`, [id]);
      await this.audit.record(manager, context, {
        action: AuditAction.Delete,
        entity: 'invoice',
        entityId: id,
        changes: { total: { before: draft.total, after: null } },
      });
    });
  }

  /** Gives a draft the next number of its series and freezes it. */
  async issue(id: string, context: RequestContext): Promise<InvoiceDto> {
    return this.dataSource.transaction(async (manager) => {
      const draft = await this.lockDraft(manager, id);
      const [{ lines }] = await manager.query(
        `SELECT count(*)::int AS lines FROM invoice_items WHERE invoice_id = $1`,
        [id],
      );
      if (lines === 0)
        throw unprocessable('empty-invoice', 'An invoice needs at least one line to be issued.');
      const number = await this.takeNumber(manager, draft.series_id);
      const status = settledStatus(draft.total, 0, 0);
      await manager.query(
        `UPDATE invoices SET status = $2, number = $3, issued_at = now(), issued_by = $4, updated_at = now()
         WHERE id = $1`,
        [id, status, number, context.user?.id ?? null],
      );
      await this.audit.record(manager, context, {
        action: AuditAction.Update,
        entity: 'invoice',
        entityId: id,
        changes: {
          status: { before: InvoiceStatus.Draft, after: status },
          number: { before: null, after: documentCode(draft.series, number) },
        },
      });
      return this.get(id, manager);
    });
  }

  /** Voids an issued invoice that nothing was paid or credited on; it keeps its number. */
  async void(id: string, dto: VoidInvoiceDto, context: RequestContext): Promise<InvoiceDto> {
    return this.dataSource.transaction(async (manager) => {
      const invoice = await this.lock(manager, id);
      if (invoice.status === InvoiceStatus.Draft) {
        throw unprocessable('draft-not-voided', 'A draft has no number to void: delete it instead.');
      }
      if (invoice.status === InvoiceStatus.Void)
        throw unprocessable('already-void', 'The invoice is already void.');
      if (invoice.kind === InvoiceKind.CreditNote) {
        throw unprocessable(
          'credit-note-not-voided',
          'A credit note is not voided; issue a new invoice instead.',
        );
      }
      if (compareMoney(invoice.paid, 0) !== 0 || compareMoney(invoice.credited, 0) !== 0) {
        throw unprocessable(
          'settled-not-voided',
          'The invoice has payments or credit notes: correct it with a credit note (which refunds what was paid).',
        );
      }
      await manager.query(
        `UPDATE invoices SET status = 'void', voided_at = now(), voided_by = $2, void_reason = $3, updated_at = now()
         WHERE id = $1`,
        [id, context.user?.id ?? null, dto.reason],
      );
      await this.audit.record(manager, context, {
        action: AuditAction.Update,
        entity: 'invoice',
        entityId: id,
        changes: {
          status: { before: invoice.status, after: InvoiceStatus.Void },
          voidReason: { before: null, after: dto.reason },
        },
      });
      return this.get(id, manager);
    });
  }

  /**
   * Issues a credit note against an invoice: the lines given (or, the first time, all of them),
   * at most what is not yet credited. When the credit leaves more paid than is now owed, the
   * difference is refunded with `refundMethod` (a negative payment and an expense entry).
   */
  async creditNote(id: string, dto: CreateCreditNoteDto, context: RequestContext): Promise<InvoiceDto> {
    const clinic = await this.settings.get();
    return this.dataSource.transaction(async (manager) => {
      const invoice = await this.lock(manager, id);
      if (
        invoice.kind !== InvoiceKind.Invoice ||
        [InvoiceStatus.Draft, InvoiceStatus.Void].includes(invoice.status)
      ) {
        throw unprocessable(
          'not-creditable',
          'Only issued invoices (not drafts, void ones or credit notes) are credited.',
        );
      }
      const currency = invoice.currency.trim();
      let items = dto.items;
      if (!items) {
        if (compareMoney(invoice.credited, 0) !== 0) {
          throw unprocessable(
            'credit-lines-required',
            'The invoice was already partly credited: say which lines to credit.',
            [{ field: 'items', code: 'required', message: 'items are required after a first credit note' }],
          );
        }
        const original: ItemRow[] = await manager.query(
          `SELECT ${ITEM_COLUMNS} FROM invoice_items WHERE invoice_id = $1 ORDER BY position`,
          [id],
        );
        items = original.map((item) => {
          const dto = toItemDto(item, currency);
          return {
            kind: InvoiceItemKind.Free,
            description: dto.description,
            quantity: dto.quantity,
            unitPrice: dto.unitPrice,
            discount: dto.discount,
            taxRate: dto.taxRate,
          };
        });
      }
      const pricing: Pricing = {
        currency,
        pricesIncludeTax: invoice.prices_include_tax,
        taxRate: clinic.taxRate,
      };
      const { lines, totals } = await priceLines(manager, items, pricing);
      const creditable = subtractMoney(invoice.total, invoice.credited, currency);
      if (compareMoney(totals.total, 0) <= 0 || compareMoney(totals.total, creditable) > 0) {
        throw unprocessable(
          'credit-exceeds-invoice',
          `A credit note must be above zero and at most what is not yet credited (${creditable}); these lines come to ${totals.total}.`,
        );
      }
      const credited = sumMoney([invoice.credited, totals.total], currency);
      const owed = subtractMoney(invoice.total, credited, currency);
      const refund =
        compareMoney(invoice.paid, owed) > 0 ? subtractMoney(invoice.paid, owed, currency) : null;
      if (refund && !dto.refundMethod) {
        throw unprocessable(
          'refund-method-required',
          `The credit leaves ${refund} paid beyond what is owed: say how it is refunded (refundMethod).`,
          [
            {
              field: 'refundMethod',
              code: 'required',
              message: 'refundMethod is required when money is refunded',
            },
          ],
        );
      }

      const seriesId = await this.seriesFor(manager, InvoiceKind.CreditNote);
      const [{ id: noteId }] = await manager.query(
        `INSERT INTO invoices (kind, series_id, patient_id, location_id, doctor_id, credit_of_id, currency,
                               prices_include_tax, gross, discount, net, tax, total, notes, created_by)
         VALUES ('credit_note', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          seriesId,
          invoice.patient_id,
          invoice.location_id,
          invoice.doctor_id,
          id,
          currency,
          invoice.prices_include_tax,
          totals.gross,
          totals.discount,
          totals.net,
          totals.tax,
          totals.total,
          dto.reason,
          context.user?.id ?? null,
        ],
      );
      await insertLines(manager, noteId, lines, totals);
      const number = await this.takeNumber(manager, seriesId);
      await manager.query(
        `UPDATE invoices SET status = 'issued', number = $2, issued_at = now(), issued_by = $3 WHERE id = $1`,
        [noteId, number, context.user?.id ?? null],
      );
      const paid =
        refund && dto.refundMethod
          ? await this.payments.refund(manager, context, {
              invoice,
              amount: refund,
              method: dto.refundMethod,
              creditNoteId: noteId,
              locale: clinic.locale,
            })
          : invoice.paid;
      const status = settledStatus(invoice.total, credited, paid);
      await manager.query(
        `UPDATE invoices SET credited = $2, paid = $3, status = $4, updated_at = now() WHERE id = $1`,
        [id, credited, paid, status],
      );
      await this.audit.record(manager, context, {
        action: AuditAction.Create,
        entity: 'credit_note',
        entityId: noteId,
        changes: {
          creditOf: { before: null, after: documentCode(invoice.series, invoice.number) },
          total: { before: null, after: totals.total },
          reason: { before: null, after: dto.reason },
          refund: { before: null, after: refund },
        },
      });
      return this.get(noteId, manager);
    });
  }

  /** The printable PDF of an invoice or credit note, with the name to save it under. */
  async pdf(id: string): Promise<{ content: Buffer; filename: string }> {
    const [invoice, clinic] = await Promise.all([this.get(id), this.settings.get()]);
    const [facts] = await this.dataSource.query(
      `SELECT l.name AS location_name, l.address AS location_address, p.address, p.email
       FROM invoices i JOIN locations l ON l.id = i.location_id JOIN patients p ON p.id = i.patient_id
       WHERE i.id = $1`,
      [id],
    );
    const content = await renderInvoicePdf({
      invoice,
      clinic: {
        name: clinic.name,
        taxId: clinic.taxId,
        address: clinic.address,
        phone: clinic.phone,
        email: clinic.email,
        locale: clinic.locale,
        timeZone: clinic.timeZone,
      },
      location: { name: facts.location_name, address: facts.location_address },
      patient: {
        name: invoice.patientName,
        document: invoice.patientDocument,
        address: facts.address,
        email: facts.email,
      },
    });
    return {
      content,
      filename: `${invoice.code ?? (clinic.locale.startsWith('es') ? 'borrador' : 'draft')}.pdf`,
    };
  }

  async summary(id: string): Promise<InvoiceSummaryDto> {
    const [row]: InvoiceRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM} WHERE i.id = $1`,
      [id],
    );
    if (!row) throw notFound('Invoice');
    return toSummaryDto(row);
  }

  private async pricing(): Promise<Pricing> {
    const clinic = await this.settings.get();
    return { currency: clinic.currency, pricesIncludeTax: clinic.pricesIncludeTax, taxRate: clinic.taxRate };
  }

  private async lock(manager: EntityManager, id: string): Promise<LockedInvoice> {
    const [row]: LockedInvoice[] = await manager.query(
      `SELECT i.id, i.kind, i.status, i.series_id, s.code AS series, i.number, i.currency, i.prices_include_tax,
              i.patient_id, i.location_id, i.doctor_id, i.total, i.credited, i.paid
       FROM invoices i JOIN invoice_series s ON s.id = i.series_id WHERE i.id = $1 FOR UPDATE OF i`,
      [id],
    );
    if (!row) throw notFound('Invoice');
    return row;
  }

  private async lockDraft(manager: EntityManager, id: string): Promise<LockedInvoice> {
    const row = await this.lock(manager, id);
    if (row.status !== InvoiceStatus.Draft) {
      throw unprocessable(
        'invoice-issued',
        'An issued invoice cannot change or be deleted: correct it with a credit note, or void it.',
      );
    }
    return row;
  }

  /** The next number of the series; the row stays locked until the transaction ends, so no gaps. */
  private async takeNumber(manager: EntityManager, seriesId: string): Promise<number> {
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const [[row]] = await manager.query(
      `UPDATE invoice_series SET next_number = next_number + 1, updated_at = now()
       WHERE id = $1 AND active RETURNING next_number - 1 AS number`,
      [seriesId],
    );
    if (!row) throw unprocessable('series-inactive', 'The series is no longer active: choose another one.');
    return row.number;
  }

  private async seriesFor(manager: EntityManager, kind: InvoiceKind, seriesId?: string): Promise<string> {
    const [row] = await manager.query(
      seriesId
        ? `SELECT id FROM invoice_series WHERE id = $1 AND kind = $2 AND active`
        : `SELECT id FROM invoice_series WHERE is_default AND kind = $1`,
      seriesId ? [seriesId, kind] : [kind],
    );
    if (!row) {
      throw unprocessable(
        'unknown-series',
        seriesId
          ? 'The series does not exist, is not active or is not for this kind of document.'
          : 'No default series is set.',
        seriesId
          ? [{ field: 'seriesId', code: 'reference', message: 'seriesId is not an active series' }]
          : undefined,
      );
    }
    return row.id;
  }

  private async assertNotBilled(manager: EntityManager, appointmentId: string): Promise<void> {
    const [row] = await manager.query(
      `SELECT s.code AS series, i.number FROM invoices i JOIN invoice_series s ON s.id = i.series_id
       WHERE i.appointment_id = $1 AND i.kind = 'invoice' AND i.status <> 'void'`,
      [appointmentId],
    );
    if (row) {
      throw conflict(
        'appointment-billed',
        `The appointment is already billed (${documentCode(row.series, row.number) ?? 'a draft'}).`,
      );
    }
  }
}
