import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditAction,
  PAYMENT_METHODS,
  type CashCloseDto,
  type CashClosePageDto,
  type CashClosePreviewDto,
  type CashClosePreviewQueryDto,
  type CashCloseQueryDto,
  type CreateCashCloseDto,
  type PaymentMethod,
} from '@consultorio/shared/contracts';
import {
  AuditService,
  conflict,
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
} from './cash-access';
import {
  everyMethod,
  SELECT_CLOSE,
  TOTALS_COLUMNS,
  toCloseDto,
  type CloseRow,
  type TotalsRow,
} from './cash.sql';

const SORTABLE: Record<string, string> = { businessDate: 'c.business_date', closedAt: 'c.closed_at' };

/** Posted entries of one drawer-day per method; the arguments are the parameters' placeholders. */
const drawerTotalsSql = (location: string, cashier: string, day: string) => `
  SELECT t.method, ${TOTALS_COLUMNS}
    FROM cash_transactions t
   WHERE t.location_id = ${location} AND t.cashier_id = ${cashier} AND t.business_date = ${day}::date
     AND t.status = 'posted'
   GROUP BY t.method`;

/**
 * The daily close of a drawer (location + cashier + business day): what the posted entries say
 * should be there per method, what was counted, and the difference. A close is final, and from
 * then on the database refuses any entry, change or void in that drawer-day.
 */
@Injectable()
export class CashClosesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: CashCloseQueryDto, context: RequestContext): Promise<CashClosePageDto> {
    const clock = await clinicClock(this.dataSource);
    const range = dayRangeFor(context, clock, query.from, query.to);
    const where = new SqlWhere();
    if (range.from) where.add('c.business_date >= ?::date', range.from);
    if (range.to) where.add('c.business_date <= ?::date', range.to);
    if (query.locationId) where.add('c.location_id = ?', query.locationId);
    if (query.cashierId) where.add('c.cashier_id = ?', query.cashierId);
    return pageOfRows(this.dataSource, {
      select: SELECT_CLOSE,
      count: 'SELECT 1 FROM cash_closes c',
      where,
      query,
      sortable: SORTABLE,
      defaultSort: '-businessDate',
      tieBreaker: 'c.closed_at DESC, c.id',
      map: toCloseDto,
    });
  }

  async get(id: string, context: RequestContext): Promise<CashCloseDto> {
    const clock = await clinicClock(this.dataSource);
    const close = await this.byId(this.dataSource.manager, id);
    if (!isCashAdmin(context) && close.businessDate !== clock.today) throw forbidden(TODAY_ONLY);
    return close;
  }

  /** The closes of one business day (for the daily report), by location and cashier. */
  async onDay(date: string, locationId?: string, cashierId?: string): Promise<CashCloseDto[]> {
    const rows: CloseRow[] = await this.dataSource.query(
      `${SELECT_CLOSE}
        WHERE c.business_date = $1::date AND ($2::uuid IS NULL OR c.location_id = $2) AND ($3::uuid IS NULL OR c.cashier_id = $3)
        ORDER BY l.name, cu.full_name, c.id`,
      [date, locationId ?? null, cashierId ?? null],
    );
    return rows.map(toCloseDto);
  }

  /** What closing the drawer would expect now, per method; and the close when it is done already. */
  async preview(query: CashClosePreviewQueryDto, context: RequestContext): Promise<CashClosePreviewDto> {
    const clock = await clinicClock(this.dataSource);
    const date = query.date ?? clock.today;
    dayRangeFor(context, clock, date, date);
    const cashierId = query.cashierId ?? context.user?.id ?? '';
    const [rows, [existing]] = await Promise.all([
      this.dataSource.query(drawerTotalsSql('$1', '$2', '$3'), [query.locationId, cashierId, date]),
      this.dataSource.query(
        `${SELECT_CLOSE} WHERE c.location_id = $1 AND c.cashier_id = $2 AND c.business_date = $3::date`,
        [query.locationId, cashierId, date],
      ),
    ]);
    return {
      locationId: query.locationId,
      cashierId,
      businessDate: date,
      currency: clock.currency,
      expected: everyMethod(rows, clock.currency),
      count: (rows as TotalsRow[]).reduce((sum, row) => sum + row.count, 0),
      close: existing ? toCloseDto(existing) : null,
    };
  }

  /**
   * Closes a drawer-day. The exclusive drawer lock waits for entries being written in it and keeps
   * new ones out until the close commits, so the expected amounts are exactly what the day holds.
   */
  async create(dto: CreateCashCloseDto, context: RequestContext): Promise<CashCloseDto> {
    const clock = await clinicClock(this.dataSource);
    const date = dto.date ?? clock.today;
    const self = context.user?.id ?? '';
    const cashierId = dto.cashierId ?? self;
    if (!isCashAdmin(context)) {
      if (cashierId !== self) throw forbidden('Receptionists close their own drawer only.');
      if (date !== clock.today) throw forbidden(TODAY_ONLY);
    }
    if (date > clock.today) {
      throw unprocessable('close-in-future', 'A day can be closed once it has begun, not before.', [
        { field: 'date', code: 'future', message: 'date cannot be after today' },
      ]);
    }
    const counted = new Map<PaymentMethod, string>();
    dto.counted.forEach((line, index) => {
      if (counted.has(line.method)) {
        throw unprocessable('duplicate-method', `${line.method} is counted twice.`, [
          { field: `counted.${index}.method`, code: 'unique', message: 'each method may be counted once' },
        ]);
      }
      assertAmount(line.counted, clock.currency, `counted.${index}.counted`, false);
      counted.set(line.method, line.counted);
    });
    return withCashProblems(() =>
      this.dataSource.transaction(async (manager) => {
        await this.assertDrawer(manager, dto.locationId, cashierId);
        await manager.query(`SELECT cash_drawer_lock($1, $2, $3::date, true)`, [
          dto.locationId,
          cashierId,
          date,
        ]);
        const [closed] = await manager.query(
          `SELECT 1 FROM cash_closes WHERE location_id = $1 AND cashier_id = $2 AND business_date = $3::date`,
          [dto.locationId, cashierId, date],
        );
        if (closed) throw conflict('cash-day-closed', CASH_CONSTRAINTS['uq_cash_closes_drawer_day']);
        const [{ id }] = await manager.query(
          `INSERT INTO cash_closes (location_id, cashier_id, business_date, currency, notes, closed_by)
           VALUES ($1, $2, $3::date, $4, $5, $6) RETURNING id`,
          [dto.locationId, cashierId, date, clock.currency, dto.notes ?? null, self],
        );
        // Expected per method from the entries as they are under the lock, in the same statement.
        await manager.query(
          `INSERT INTO cash_close_lines (close_id, method, expected, counted)
           SELECT $1, m.method, coalesce(e.net::numeric, 0), m.counted
             FROM unnest($2::text[], $3::numeric[]) AS m(method, counted)
             LEFT JOIN (${drawerTotalsSql('$4', '$5', '$6')}) e
                    ON e.method = m.method`,
          [
            id,
            PAYMENT_METHODS,
            PAYMENT_METHODS.map((method) => counted.get(method) ?? '0'),
            dto.locationId,
            cashierId,
            date,
          ],
        );
        const close = await this.byId(manager, id);
        await this.audit.record(manager, context, {
          action: AuditAction.Create,
          entity: 'cash_close',
          entityId: id,
          changes: {
            drawer: { before: null, after: { locationId: dto.locationId, cashierId, businessDate: date } },
            expected: { before: null, after: close.expected },
            counted: { before: null, after: close.counted },
            difference: { before: null, after: close.difference },
          },
        });
        return close;
      }),
    );
  }

  /** 422 unless the location and the cashier's account exist. */
  private async assertDrawer(manager: EntityManager, locationId: string, cashierId: string): Promise<void> {
    const [facts] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM locations WHERE id = $1) AS location_exists,
              EXISTS (SELECT 1 FROM users WHERE id = $2) AS cashier_exists`,
      [locationId, cashierId],
    );
    if (!facts.location_exists) {
      throw unprocessable('unknown-location', 'The location does not exist.', [
        { field: 'locationId', code: 'reference', message: 'locationId does not exist' },
      ]);
    }
    if (!facts.cashier_exists) {
      throw unprocessable('unknown-cashier', 'The cashier does not exist.', [
        { field: 'cashierId', code: 'reference', message: 'cashierId does not exist' },
      ]);
    }
  }

  private async byId(manager: EntityManager, id: string): Promise<CashCloseDto> {
    const [row] = await manager.query(`${SELECT_CLOSE} WHERE c.id = $1`, [id]);
    if (!row) throw notFound('Cash close');
    return toCloseDto(row);
  }
}
