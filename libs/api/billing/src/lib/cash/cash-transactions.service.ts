import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditAction,
  TransactionStatus,
  type CashTransactionDto,
  type CashTransactionPageDto,
  type CashTransactionQueryDto,
  type CreateCashTransactionDto,
  type UpdateCashTransactionDto,
} from '@consultorio/shared/contracts';
import {
  AuditService,
  diffChanges,
  forbidden,
  notFound,
  pageOfRows,
  SqlWhere,
  unprocessable,
  type RequestContext,
} from '@consultorio/api/core';
import {
  assertAmount,
  CASH_CONSTRAINTS,
  clinicClock,
  dayRangeFor,
  isCashAdmin,
  TODAY_ONLY,
  withCashProblems,
  type ClinicClock,
} from './cash-access';
import { SELECT_TRANSACTION, toTransactionDto, type TransactionRow } from './cash.sql';

/** How far ahead of the server's clock an entry may be dated (clients' clocks drift a little). */
const CLOCK_SKEW_MS = 60_000;

const SORTABLE: Record<string, string> = { occurredAt: 't.occurred_at', amount: 't.amount' };

const AUDITED: (keyof CashTransactionDto & string)[] = [
  'type',
  'concept',
  'amount',
  'method',
  'locationId',
  'cashierId',
  'doctorId',
  'patientId',
  'adjustmentOfId',
  'comment',
  'status',
  'occurredAt',
];

/** The facts an entry's references need, checked in one query. */
interface ReferenceFacts {
  location_active: boolean | null;
  doctor_exists: boolean;
  patient_exists: boolean;
}

/**
 * Hand-entered cash-register entries: recorded in the caller's drawer, changed or voided only
 * while their drawer-day is open (the database refuses the rest), every write audited with it.
 */
@Injectable()
export class CashTransactionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Entries by business day, drawer, type, method, status, doctor or patient; front desk: today only. */
  async list(query: CashTransactionQueryDto, context: RequestContext): Promise<CashTransactionPageDto> {
    const clock = await clinicClock(this.dataSource);
    const range = dayRangeFor(context, clock, query.from, query.to);
    const where = new SqlWhere();
    if (range.from) where.add('t.business_date >= ?::date', range.from);
    if (range.to) where.add('t.business_date <= ?::date', range.to);
    if (query.type) where.add('t.type = ?', query.type);
    if (query.method) where.add('t.method = ?', query.method);
    if (query.status) where.add('t.status = ?', query.status);
    if (query.locationId) where.add('t.location_id = ?', query.locationId);
    if (query.cashierId) where.add('t.cashier_id = ?', query.cashierId);
    if (query.doctorId) where.add('t.doctor_id = ?', query.doctorId);
    if (query.patientId) where.add('t.patient_id = ?', query.patientId);
    return pageOfRows(this.dataSource, {
      select: SELECT_TRANSACTION,
      count: 'SELECT 1 FROM cash_transactions t',
      where,
      query,
      sortable: SORTABLE,
      defaultSort: '-occurredAt',
      tieBreaker: 't.id',
      map: (row: TransactionRow) => toTransactionDto(row, clock.currency),
    });
  }

  /** One entry; the front desk sees today's only. */
  async get(id: string, context: RequestContext): Promise<CashTransactionDto> {
    const clock = await clinicClock(this.dataSource);
    const entry = await this.byId(this.dataSource.manager, id, clock.currency);
    if (!isCashAdmin(context) && entry.businessDate !== clock.today) throw forbidden(TODAY_ONLY);
    return entry;
  }

  /**
   * Records an entry in the caller's drawer. An adjustment corrects an entry of a closed day: it is
   * booked now, in today's drawer at the given location, and points at what it corrects.
   */
  async create(dto: CreateCashTransactionDto, context: RequestContext): Promise<CashTransactionDto> {
    const clock = await clinicClock(this.dataSource);
    assertAmount(dto.amount, clock.currency, 'amount');
    if (dto.adjustmentOfId && dto.occurredAt) {
      throw unprocessable(
        'adjustment-booked-now',
        'An adjustment is booked now, in today’s drawer: leave occurredAt out.',
        [
          {
            field: 'occurredAt',
            code: 'adjustmentNow',
            message: 'occurredAt cannot be given for an adjustment',
          },
        ],
      );
    }
    const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : new Date();
    if (occurredAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw unprocessable('entry-in-future', 'An entry cannot be dated in the future.', [
        { field: 'occurredAt', code: 'future', message: 'occurredAt cannot be in the future' },
      ]);
    }
    return withCashProblems(() =>
      this.dataSource.transaction(async (manager) => {
        const [facts] = await manager.query(
          `SELECT ($1::timestamptz AT TIME ZONE time_zone)::date::text AS day FROM clinic_settings WHERE id = 1`,
          [occurredAt],
        );
        if (!isCashAdmin(context) && facts.day !== clock.today) {
          throw forbidden('Receptionists record entries of today only; ask an admin for other days.');
        }
        await this.assertReferences(manager, dto.locationId, dto.doctorId, dto.patientId);
        if (dto.adjustmentOfId) await this.assertAdjustable(manager, dto.adjustmentOfId);
        const [{ id }] = await manager.query(
          `INSERT INTO cash_transactions (type, concept, amount, method, location_id, cashier_id, doctor_id, patient_id,
                                          adjustment_of_id, comment, occurred_at, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $6) RETURNING id`,
          [
            dto.type,
            dto.concept,
            dto.amount,
            dto.method,
            dto.locationId,
            context.user?.id,
            dto.doctorId ?? null,
            dto.patientId ?? null,
            dto.adjustmentOfId ?? null,
            dto.comment ?? null,
            occurredAt,
          ],
        );
        const created = await this.byId(manager, id, clock.currency);
        await this.audit.record(manager, context, {
          action: AuditAction.Create,
          entity: 'cash_transaction',
          entityId: id,
          changes: diffChanges(null, created, AUDITED),
        });
        return created;
      }),
    );
  }

  /** Changes a hand-entered entry whose drawer-day is still open. */
  async update(
    id: string,
    dto: UpdateCashTransactionDto,
    context: RequestContext,
  ): Promise<CashTransactionDto> {
    const clock = await clinicClock(this.dataSource);
    if (dto.amount !== undefined) assertAmount(dto.amount, clock.currency, 'amount');
    return withCashProblems(() =>
      this.dataSource.transaction(async (manager) => {
        const before = await this.lockChangeable(manager, id, clock, context);
        await this.assertReferences(manager, null, dto.doctorId, dto.patientId);
        const sets: string[] = [];
        const params: unknown[] = [id];
        const set = (column: string, value: unknown) => {
          if (value === undefined) return;
          params.push(value);
          sets.push(`${column} = $${params.length}`);
        };
        set('concept', dto.concept);
        set('amount', dto.amount);
        set('method', dto.method);
        set('doctor_id', dto.doctorId);
        set('patient_id', dto.patientId);
        set('comment', dto.comment);
        if (!sets.length) return before;
        await manager.query(
          `UPDATE cash_transactions SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`,
          params,
        );
        const after = await this.byId(manager, id, clock.currency);
        await this.audit.record(manager, context, {
          action: AuditAction.Update,
          entity: 'cash_transaction',
          entityId: id,
          changes: diffChanges(before, after, AUDITED),
        });
        return after;
      }),
    );
  }

  /** Voids a hand-entered entry of an open day: it stops counting, and the row stays. */
  async void(id: string, context: RequestContext): Promise<CashTransactionDto> {
    const clock = await clinicClock(this.dataSource);
    return withCashProblems(() =>
      this.dataSource.transaction(async (manager) => {
        const before = await this.lockChangeable(manager, id, clock, context, 'voided');
        await manager.query(
          `UPDATE cash_transactions SET status = 'void', updated_at = now() WHERE id = $1`,
          [id],
        );
        const after = await this.byId(manager, id, clock.currency);
        await this.audit.record(manager, context, {
          action: AuditAction.Update,
          entity: 'cash_transaction',
          entityId: id,
          changes: diffChanges(before, after, ['status']),
        });
        return after;
      }),
    );
  }

  /**
   * Locks an entry for a change and says why it may not change: a payment's entry follows its
   * payment, a void one is final, and the front desk changes only its own entries of today. A
   * closed day is refused by the database (its trigger shares the close's drawer lock).
   */
  private async lockChangeable(
    manager: EntityManager,
    id: string,
    clock: ClinicClock,
    context: RequestContext,
    change: 'changed' | 'voided' = 'changed',
  ): Promise<CashTransactionDto> {
    const [locked] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM cash_closes c WHERE c.location_id = t.location_id
                        AND c.cashier_id = t.cashier_id AND c.business_date = t.business_date) AS closed
         FROM cash_transactions t WHERE t.id = $1 FOR UPDATE`,
      [id],
    );
    if (!locked) throw notFound('Cash entry');
    const entry = await this.byId(manager, id, clock.currency);
    if (!isCashAdmin(context)) {
      if (entry.businessDate !== clock.today) throw forbidden(TODAY_ONLY);
      if (entry.cashierId !== context.user?.id) {
        throw forbidden('Receptionists change only the entries of their own drawer.');
      }
    }
    if (entry.invoiceId) {
      throw unprocessable(
        'payment-entry',
        `This entry was written by a payment and cannot be ${change} here: refund or correct it through its invoice.`,
      );
    }
    if (entry.status === TransactionStatus.Void) {
      throw unprocessable('entry-void', `The entry is void already and cannot be ${change}.`);
    }
    if (locked.closed) throw unprocessable('cash-day-closed', CASH_CONSTRAINTS['ck_cash_day_closed']);
    return entry;
  }

  /** 422 when the location is unknown or closed, or the doctor or patient does not exist. */
  private async assertReferences(
    manager: EntityManager,
    locationId: string | null,
    doctorId: string | null | undefined,
    patientId: string | null | undefined,
  ): Promise<void> {
    const [facts]: ReferenceFacts[] = await manager.query(
      `SELECT (SELECT active FROM locations WHERE id = $1) AS location_active,
              $2::uuid IS NULL OR EXISTS (SELECT 1 FROM doctors WHERE id = $2) AS doctor_exists,
              $3::uuid IS NULL OR EXISTS (SELECT 1 FROM patients WHERE id = $3) AS patient_exists`,
      [locationId, doctorId ?? null, patientId ?? null],
    );
    if (locationId && !facts.location_active) {
      throw unprocessable('unknown-location', 'The location does not exist or is no longer active.', [
        { field: 'locationId', code: 'reference', message: 'locationId must be an active location' },
      ]);
    }
    if (!facts.doctor_exists) {
      throw unprocessable('unknown-doctor', 'The doctor does not exist.', [
        { field: 'doctorId', code: 'reference', message: 'doctorId does not exist' },
      ]);
    }
    if (!facts.patient_exists) {
      throw unprocessable('unknown-patient', 'The patient does not exist.', [
        { field: 'patientId', code: 'reference', message: 'patientId does not exist' },
      ]);
    }
  }

  /** An adjustment corrects a posted entry of a closed drawer-day; open days are changed directly. */
  private async assertAdjustable(manager: EntityManager, adjustmentOfId: string): Promise<void> {
    const [target] = await manager.query(
      `SELECT t.status, EXISTS (SELECT 1 FROM cash_closes c WHERE c.location_id = t.location_id
                                  AND c.cashier_id = t.cashier_id AND c.business_date = t.business_date) AS closed
         FROM cash_transactions t WHERE t.id = $1`,
      [adjustmentOfId],
    );
    const refuse = (slug: string, detail: string, message: string) =>
      unprocessable(slug, detail, [{ field: 'adjustmentOfId', code: 'adjustment', message }]);
    if (!target)
      throw refuse('unknown-entry', 'The entry to adjust does not exist.', 'adjustmentOfId does not exist');
    if (target.status !== TransactionStatus.Posted) {
      throw refuse('entry-void', 'A void entry cannot be adjusted.', 'adjustmentOfId must be a posted entry');
    }
    if (!target.closed) {
      throw refuse(
        'adjustment-of-open-day',
        'The entry’s day is still open: change or void the entry itself instead of adjusting it.',
        'adjustmentOfId must be an entry of a closed day',
      );
    }
  }

  private async byId(manager: EntityManager, id: string, currency: string): Promise<CashTransactionDto> {
    const [row] = await manager.query(`${SELECT_TRANSACTION} WHERE t.id = $1`, [id]);
    if (!row) throw notFound('Cash entry');
    return toTransactionDto(row, currency);
  }
}
