import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Role,
  type CashReportQueryDto,
  type CashSummaryDto,
  type ConceptTotalsDto,
  type DailyReportDto,
  type DailyReportQueryDto,
  type DayTotalsDto,
  type DoctorProductionDto,
  type DoctorProductionQueryDto,
  type MonthlyReportDto,
  type MonthlyReportQueryDto,
  type PaymentMethod,
  type TransactionType,
} from '@consultorio/shared/contracts';
import { roundMoney } from '@consultorio/shared/money';
import { forbidden, unprocessable, type RequestContext } from '@consultorio/api/core';
import { clinicClock, dayRangeFor } from './cash-access';
import { CashClosesService } from './cash-closes.service';
import { everyMethod, TOTALS_COLUMNS, type TotalsRow } from './cash.sql';

/** Which posted entries a report counts. */
interface ReportFilter {
  from?: string;
  to?: string;
  locationId?: string;
  cashierId?: string;
}

interface ProductionRow {
  doctor_id: string;
  doctor_name: string;
  invoices: number;
  billed: string;
  credited: string;
  collected: string;
}

/** Matches no doctor: the production of a doctor account without a doctor profile. */
const NO_DOCTOR = '00000000-0000-4000-8000-000000000000';

/**
 * Production per doctor over clinic-local dates $1–$2 (location $3, doctor $4 when given): invoices
 * issued (not void), credit notes issued against them, and payments received (refunds are negative).
 */
const PRODUCTION_SQL = `
  WITH span AS (
    SELECT ($1::date::timestamp AT TIME ZONE time_zone) AS lo, (($2::date + 1)::timestamp AT TIME ZONE time_zone) AS hi
      FROM clinic_settings WHERE id = 1
  ),
  billed AS (
    SELECT i.doctor_id, count(*)::int AS invoices, sum(i.total) AS billed
      FROM invoices i, span
     WHERE i.kind = 'invoice' AND i.status NOT IN ('draft', 'void') AND i.doctor_id IS NOT NULL
       AND i.issued_at >= span.lo AND i.issued_at < span.hi
       AND ($3::uuid IS NULL OR i.location_id = $3) AND ($4::uuid IS NULL OR i.doctor_id = $4)
     GROUP BY i.doctor_id
  ),
  credited AS (
    SELECT i.doctor_id, sum(cn.total) AS credited
      FROM invoices cn JOIN invoices i ON i.id = cn.credit_of_id, span
     WHERE cn.kind = 'credit_note' AND cn.status = 'issued' AND i.doctor_id IS NOT NULL
       AND cn.issued_at >= span.lo AND cn.issued_at < span.hi
       AND ($3::uuid IS NULL OR i.location_id = $3) AND ($4::uuid IS NULL OR i.doctor_id = $4)
     GROUP BY i.doctor_id
  ),
  collected AS (
    SELECT i.doctor_id, sum(pay.amount) AS collected
      FROM payments pay JOIN invoices i ON i.id = pay.invoice_id, span
     WHERE i.doctor_id IS NOT NULL AND pay.paid_at >= span.lo AND pay.paid_at < span.hi
       AND ($3::uuid IS NULL OR i.location_id = $3) AND ($4::uuid IS NULL OR i.doctor_id = $4)
     GROUP BY i.doctor_id
  )
  SELECT d.id AS doctor_id, u.full_name AS doctor_name, coalesce(b.invoices, 0) AS invoices,
         coalesce(b.billed, 0)::text AS billed, coalesce(c.credited, 0)::text AS credited,
         coalesce(k.collected, 0)::text AS collected
    FROM doctors d
    JOIN users u ON u.id = d.user_id
    LEFT JOIN billed b ON b.doctor_id = d.id
    LEFT JOIN credited c ON c.doctor_id = d.id
    LEFT JOIN collected k ON k.doctor_id = d.id
   WHERE b.doctor_id IS NOT NULL OR c.doctor_id IS NOT NULL OR k.doctor_id IS NOT NULL
   ORDER BY u.full_name, d.id`;

/** The first and last day of `YYYY-MM`. */
function monthSpan(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * Cash summaries and reports, summed by PostgreSQL over posted entries by business day (the
 * clinic-local day each entry counts in), plus doctor production from invoices and payments.
 */
@Injectable()
export class CashReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly closes: CashClosesService,
  ) {}

  /** Income, expense and net over a range (every method listed). Admins only (by route). */
  async summary(query: CashReportQueryDto, context: RequestContext): Promise<CashSummaryDto> {
    const clock = await clinicClock(this.dataSource);
    const range = dayRangeFor(context, clock, query.from, query.to);
    return this.totals({ ...query, ...range }, clock.currency);
  }

  /** One day: totals, per method, per concept, and that day's closes. */
  async daily(query: DailyReportQueryDto, context: RequestContext): Promise<DailyReportDto> {
    const clock = await clinicClock(this.dataSource);
    const date = query.date ?? clock.today;
    dayRangeFor(context, clock, date, date);
    const filter: ReportFilter = {
      from: date,
      to: date,
      locationId: query.locationId,
      cashierId: query.cashierId,
    };
    const { where, params } = this.where(filter);
    const [summary, concepts, closes] = await Promise.all([
      this.totals(filter, clock.currency),
      this.dataSource.query(
        `SELECT t.type, t.concept, sum(t.amount)::text AS amount, count(*)::int AS count
           FROM cash_transactions t ${where}
          GROUP BY t.type, t.concept ORDER BY t.type, sum(t.amount) DESC, t.concept`,
        params,
      ),
      this.closes.onDay(date, query.locationId, query.cashierId),
    ]);
    return {
      ...summary,
      date,
      byConcept: (concepts as (ConceptTotalsDto & { type: TransactionType })[]).map((row) => ({
        type: row.type,
        concept: row.concept,
        amount: roundMoney(row.amount, clock.currency),
        count: row.count,
      })),
      closes,
    };
  }

  /** A month: totals, every day (also those without entries), per method, and doctor production. */
  async monthly(query: MonthlyReportQueryDto): Promise<MonthlyReportDto> {
    const clock = await clinicClock(this.dataSource);
    const month = query.month ?? clock.today.slice(0, 7);
    const span = monthSpan(month);
    const filter: ReportFilter = { ...span, locationId: query.locationId };
    const { where, params } = this.where(filter);
    const [summary, days, doctors] = await Promise.all([
      this.totals(filter, clock.currency),
      this.dataSource.query(
        `SELECT day::date::text AS date, coalesce(d.income, '0') AS income, coalesce(d.expense, '0') AS expense,
                coalesce(d.net, '0') AS net
           FROM generate_series($${params.length + 1}::date::timestamp, $${params.length + 2}::date::timestamp, interval '1 day') AS day
           LEFT JOIN (SELECT t.business_date, ${TOTALS_COLUMNS} FROM cash_transactions t ${where}
                       GROUP BY t.business_date) d ON d.business_date = day::date
          ORDER BY day`,
        [...params, span.from, span.to],
      ),
      this.productionOf(span.from, span.to, query.locationId ?? null, null, clock.currency),
    ]);
    return {
      ...summary,
      month,
      days: (days as DayTotalsDto[]).map((day) => ({
        date: day.date,
        income: roundMoney(day.income, clock.currency),
        expense: roundMoney(day.expense, clock.currency),
        net: roundMoney(day.net, clock.currency),
      })),
      doctors,
    };
  }

  /**
   * What each doctor billed, had credited and collected over clinic-local dates (default: this
   * month so far). Doctors see their own only; a doctor account without a profile sees nothing.
   */
  async production(query: DoctorProductionQueryDto, context: RequestContext): Promise<DoctorProductionDto[]> {
    const clock = await clinicClock(this.dataSource);
    let doctorId = query.doctorId ?? null;
    if (context.user?.role === Role.Doctor) {
      const [own] = await this.dataSource.query(`SELECT id FROM doctors WHERE user_id = $1`, [
        context.user.id,
      ]);
      if (doctorId && doctorId !== own?.id) throw forbidden('Doctors see their own production only.');
      doctorId = own?.id ?? NO_DOCTOR;
    }
    const to = query.to ?? clock.today;
    const from = query.from ?? `${to.slice(0, 7)}-01`;
    if (from > to) {
      throw unprocessable('date-order', 'to must be on or after from.', [
        { field: 'to', code: 'dateOrder', message: 'to must be on or after from' },
      ]);
    }
    return this.productionOf(from, to, query.locationId ?? null, doctorId, clock.currency);
  }

  private async productionOf(
    from: string,
    to: string,
    locationId: string | null,
    doctorId: string | null,
    currency: string,
  ): Promise<DoctorProductionDto[]> {
    const rows: ProductionRow[] = await this.dataSource.query(PRODUCTION_SQL, [
      from,
      to,
      locationId,
      doctorId,
    ]);
    return rows.map((row) => ({
      doctorId: row.doctor_id,
      doctorName: row.doctor_name,
      invoices: row.invoices,
      billed: roundMoney(row.billed, currency),
      credited: roundMoney(row.credited, currency),
      collected: roundMoney(row.collected, currency),
    }));
  }

  /** Totals over the filter and per method, with the overall row from the same statement (ROLLUP). */
  private async totals(filter: ReportFilter, currency: string): Promise<CashSummaryDto> {
    const { where, params } = this.where(filter);
    const rows: (TotalsRow & { method: PaymentMethod | null })[] = await this.dataSource.query(
      `SELECT t.method, ${TOTALS_COLUMNS} FROM cash_transactions t ${where} GROUP BY ROLLUP (t.method)`,
      params,
    );
    const overall = rows.find((row) => row.method === null) ?? {
      count: 0,
      income: '0',
      expense: '0',
      net: '0',
    };
    return {
      from: filter.from ?? null,
      to: filter.to ?? null,
      currency,
      income: roundMoney(overall.income, currency),
      expense: roundMoney(overall.expense, currency),
      net: roundMoney(overall.net, currency),
      count: overall.count,
      byMethod: everyMethod(
        rows.filter((row): row is TotalsRow & { method: PaymentMethod } => row.method !== null),
        currency,
      ),
    };
  }

  /** Posted entries of the filter's business days and drawer, as SQL. */
  private where(filter: ReportFilter): { where: string; params: unknown[] } {
    const where = [`t.status = 'posted'`];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.from) add('t.business_date >= ?::date', filter.from);
    if (filter.to) add('t.business_date <= ?::date', filter.to);
    if (filter.locationId) add('t.location_id = ?', filter.locationId);
    if (filter.cashierId) add('t.cashier_id = ?', filter.cashierId);
    return { where: `WHERE ${where.join(' AND ')}`, params };
  }
}
