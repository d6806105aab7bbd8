import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditAction,
  InvoiceKind,
  InvoiceStatus,
  PaymentMethod,
  type CreatePaymentDto,
  type PageQueryDto,
  type PaymentDto,
  type PaymentPageDto,
} from '@consultorio/shared/contracts';
import { compareMoney, fitsCurrency, sumMoney, subtractMoney } from '@consultorio/shared/money';
import {
  AuditService,
  notFound,
  pageOfRows,
  SqlWhere,
  unprocessable,
  type RequestContext,
} from '@consultorio/api/core';
import { ClinicSettingsService } from '@consultorio/api/settings';
import { PAYMENT_SELECT, documentCode, settledStatus, toPaymentDto, type PaymentRow } from './invoice.sql';

/** The invoice facts a payment or refund needs (the row is locked by the caller or here). */
export interface PayableInvoice {
  id: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  series: string;
  number: number | null;
  currency: string;
  patient_id: string;
  location_id: string;
  doctor_id: string | null;
  total: string;
  credited: string;
  paid: string;
}

/** A payment may be recorded this long after the fact at most ahead of the server's clock. */
const CLOCK_SKEW_MS = 60_000;

const concept = (locale: string, refund: boolean, code: string) =>
  locale.startsWith('es')
    ? `${refund ? 'Devolución' : 'Pago'} ${code}`
    : `${refund ? 'Refund' : 'Payment'} ${code}`;

/**
 * Payments on invoices. Each one writes its cash-register entry in the same transaction, in the
 * drawer of whoever takes it, and moves the invoice's paid amount and status; the database
 * refuses overpayment and entries in a closed drawer-day.
 */
@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly settings: ClinicSettingsService,
  ) {}

  async list(invoiceId: string, query: PageQueryDto): Promise<PaymentPageDto> {
    const [invoice] = await this.dataSource.query(`SELECT currency FROM invoices WHERE id = $1`, [invoiceId]);
    if (!invoice) throw notFound('Invoice');
    return pageOfRows(this.dataSource, {
      select: PAYMENT_SELECT,
      count: 'SELECT 1 FROM payments pay',
      where: new SqlWhere().add('pay.invoice_id = ?', invoiceId),
      query,
      sortable: { paidAt: 'pay.paid_at' },
      defaultSort: 'paidAt',
      tieBreaker: 'pay.id',
      map: (row: PaymentRow) => toPaymentDto(row, invoice.currency.trim()),
    });
  }

  async create(invoiceId: string, dto: CreatePaymentDto, context: RequestContext): Promise<PaymentDto> {
    const { locale } = await this.settings.get();
    const paidAt = dto.paidAt ? new Date(dto.paidAt) : new Date();
    if (paidAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw unprocessable('payment-in-future', 'A payment cannot be dated in the future.', [
        { field: 'paidAt', code: 'future', message: 'paidAt cannot be in the future' },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const invoice = await this.lockInvoice(manager, invoiceId);
      const currency = invoice.currency.trim();
      if (invoice.kind !== InvoiceKind.Invoice) {
        throw unprocessable('credit-note-not-paid', 'Credit notes are not paid; payments go on invoices.');
      }
      if (invoice.status === InvoiceStatus.Draft) {
        throw unprocessable('invoice-draft', 'Issue the invoice before taking a payment on it.');
      }
      if (invoice.status === InvoiceStatus.Void) throw unprocessable('invoice-void', 'The invoice is void.');
      if (!fitsCurrency(dto.amount, currency) || compareMoney(dto.amount, 0) <= 0) {
        throw unprocessable('invalid-amount', `The amount must be above zero, in ${currency}.`, [
          {
            field: 'amount',
            code: 'amount',
            message: `amount must be above 0 with the decimals of ${currency}`,
          },
        ]);
      }
      const balance = subtractMoney(
        subtractMoney(invoice.total, invoice.credited, currency),
        invoice.paid,
        currency,
      );
      if (compareMoney(dto.amount, balance) > 0) {
        throw unprocessable(
          'overpayment',
          compareMoney(balance, 0) === 0
            ? 'The invoice is already paid.'
            : `The amount is more than what is owed (${balance} ${currency}).`,
          [{ field: 'amount', code: 'max', message: `amount must be at most the balance, ${balance}` }],
        );
      }
      const code = documentCode(invoice.series, invoice.number) ?? '';
      const [{ id: transactionId }] = await manager.query(
        `INSERT INTO cash_transactions (type, concept, amount, method, location_id, cashier_id, doctor_id, patient_id,
                                        invoice_id, comment, occurred_at, created_by)
         VALUES ('income', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $5) RETURNING id`,
        [
          concept(locale, false, code),
          dto.amount,
          dto.method,
          invoice.location_id,
          context.user?.id,
          invoice.doctor_id,
          invoice.patient_id,
          invoice.id,
          dto.reference ?? null,
          paidAt,
        ],
      );
      const [{ id }] = await manager.query(
        `INSERT INTO payments (invoice_id, amount, method, reference, paid_at, received_by, transaction_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          invoice.id,
          dto.amount,
          dto.method,
          dto.reference ?? null,
          paidAt,
          context.user?.id ?? null,
          transactionId,
        ],
      );
      const paid = sumMoney([invoice.paid, dto.amount], currency);
      const status = settledStatus(invoice.total, invoice.credited, paid);
      await manager.query(`UPDATE invoices SET paid = $2, status = $3, updated_at = now() WHERE id = $1`, [
        invoice.id,
        paid,
        status,
      ]);
      await this.audit.record(manager, context, {
        action: AuditAction.Create,
        entity: 'payment',
        entityId: id,
        changes: {
          invoice: { before: null, after: code },
          amount: { before: null, after: dto.amount },
          method: { before: null, after: dto.method },
          status: { before: invoice.status, after: status },
        },
      });
      const [row]: PaymentRow[] = await manager.query(`${PAYMENT_SELECT} WHERE pay.id = $1`, [id]);
      return toPaymentDto(row, currency);
    });
  }

  /**
   * Pays `amount` back on a locked invoice for a credit note: a negative payment and an expense
   * entry in the caller's drawer. Returns the invoice's new paid amount (the caller updates it).
   */
  async refund(
    manager: EntityManager,
    context: RequestContext,
    refund: {
      invoice: PayableInvoice;
      amount: string;
      method: PaymentMethod;
      creditNoteId: string;
      locale: string;
    },
  ): Promise<string> {
    const { invoice, amount } = refund;
    const currency = invoice.currency.trim();
    const code = documentCode(invoice.series, invoice.number) ?? '';
    const [{ id: transactionId }] = await manager.query(
      `INSERT INTO cash_transactions (type, concept, amount, method, location_id, cashier_id, doctor_id, patient_id,
                                      invoice_id, created_by)
       VALUES ('expense', $1, $2, $3, $4, $5, $6, $7, $8, $5) RETURNING id`,
      [
        concept(refund.locale, true, code),
        amount,
        refund.method,
        invoice.location_id,
        context.user?.id,
        invoice.doctor_id,
        invoice.patient_id,
        invoice.id,
      ],
    );
    const [{ id }] = await manager.query(
      `INSERT INTO payments (invoice_id, amount, method, received_by, transaction_id, credit_note_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [invoice.id, `-${amount}`, refund.method, context.user?.id ?? null, transactionId, refund.creditNoteId],
    );
    await this.audit.record(manager, context, {
      action: AuditAction.Create,
      entity: 'payment',
      entityId: id,
      changes: { invoice: { before: null, after: code }, amount: { before: null, after: `-${amount}` } },
    });
    return subtractMoney(invoice.paid, amount, currency);
  }

  private async lockInvoice(manager: EntityManager, id: string): Promise<PayableInvoice> {
    const [row]: PayableInvoice[] = await manager.query(
      `SELECT i.id, i.kind, i.status, s.code AS series, i.number, i.currency, i.patient_id, i.location_id,
              i.doctor_id, i.total, i.credited, i.paid
       FROM invoices i JOIN invoice_series s ON s.id = i.series_id WHERE i.id = $1 FOR UPDATE OF i`,
      [id],
    );
    if (!row) throw notFound('Invoice');
    return row;
  }
}
