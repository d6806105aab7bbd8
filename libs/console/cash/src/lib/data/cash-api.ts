import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { apiUrl } from '@consultorio/console/core';
import type {
  CashCloseDto,
  CashClosePageDto,
  CashClosePreviewDto,
  CashTransactionDto,
  CashTransactionPageDto,
  CreateCashCloseDto,
  CreateCashTransactionDto,
  DailyReportDto,
  DoctorProductionDto,
  MonthlyReportDto,
  PaymentMethod,
  TransactionStatus,
  TransactionType,
  UpdateCashTransactionDto,
} from '@consultorio/shared/contracts';
import type { Observable } from 'rxjs';

type ParamValue = string | number | null | undefined;

/** Query parameters without the empty ones, so URLs stay clean. */
function params(values: Readonly<Record<string, ParamValue>>): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '') continue;
    result = result.set(key, String(value));
  }
  return result;
}

/** One drawer (or all of a location's) on one business day; no date means today, as the API decides. */
export interface DrawerDayQuery {
  /** `YYYY-MM-DD`; `null` for today (the only day the front desk may ask for). */
  date: string | null;
  locationId: string | null;
  cashierId: string | null;
}

/** Filters, page and order of the entries list (`GET /transactions`). */
export interface TransactionListQuery {
  from?: string | null;
  to?: string | null;
  type?: TransactionType | null;
  method?: PaymentMethod | null;
  status?: TransactionStatus | null;
  locationId?: string | null;
  cashierId?: string | null;
  doctorId?: string | null;
  patientId?: string | null;
  page: number;
  pageSize: number;
  /** `occurredAt` or `amount`, `-` prefixed for descending. */
  sort: string;
}

/** Filters and page of the closes list (`GET /cash-closes`). */
export interface CloseListQuery {
  from: string | null;
  to: string | null;
  locationId: string | null;
  cashierId: string | null;
  page: number;
  pageSize: number;
  /** `businessDate` or `closedAt`, `-` prefixed for descending. */
  sort: string;
}

const entry = (id: string) => apiUrl(`/transactions/${encodeURIComponent(id)}`);

/**
 * The cash register API: entries of each drawer (location + cashier), the daily and monthly
 * reports, doctor production and the daily closes. Front desk: today and its own drawer only.
 */
@Injectable({ providedIn: 'root' })
export class CashApi {
  private readonly http = inject(HttpClient);

  list(query: TransactionListQuery): Observable<CashTransactionPageDto> {
    return this.http.get<CashTransactionPageDto>(apiUrl('/transactions'), { params: params({ ...query }) });
  }

  /** Records an entry in the caller's drawer (an adjustment with `adjustmentOfId`, booked now). */
  create(dto: CreateCashTransactionDto): Observable<CashTransactionDto> {
    return this.http.post<CashTransactionDto>(apiUrl('/transactions'), dto);
  }

  update(id: string, changes: UpdateCashTransactionDto): Observable<CashTransactionDto> {
    return this.http.patch<CashTransactionDto>(entry(id), changes);
  }

  /** Voids a hand-entered entry of an open drawer-day; the row stays, with status `void`. */
  void(id: string): Observable<CashTransactionDto> {
    return this.http.delete<CashTransactionDto>(entry(id));
  }

  daily(query: DrawerDayQuery): Observable<DailyReportDto> {
    return this.http.get<DailyReportDto>(apiUrl('/transactions/daily-report'), {
      params: params({ ...query }),
    });
  }

  /** Admins only. */
  monthly(month: string, locationId: string | null): Observable<MonthlyReportDto> {
    return this.http.get<MonthlyReportDto>(apiUrl('/transactions/monthly-report'), {
      params: params({ month, locationId }),
    });
  }

  /** Every doctor's production over the days (a doctor gets only their own). */
  production(from: string, to: string, doctorId: string | null): Observable<DoctorProductionDto[]> {
    return this.http.get<DoctorProductionDto[]>(apiUrl('/transactions/doctor-production'), {
      params: params({ from, to, doctorId }),
    });
  }

  /** What a close of the drawer-day would expect now, and the close when it is done. */
  preview(query: DrawerDayQuery & { locationId: string }): Observable<CashClosePreviewDto> {
    return this.http.get<CashClosePreviewDto>(apiUrl('/cash-closes/preview'), {
      params: params({ ...query }),
    });
  }

  /** Closes a drawer-day; 409 when it already is. */
  close(dto: CreateCashCloseDto): Observable<CashCloseDto> {
    return this.http.post<CashCloseDto>(apiUrl('/cash-closes'), dto);
  }

  closes(query: CloseListQuery): Observable<CashClosePageDto> {
    return this.http.get<CashClosePageDto>(apiUrl('/cash-closes'), { params: params({ ...query }) });
  }

  getClose(id: string): Observable<CashCloseDto> {
    return this.http.get<CashCloseDto>(apiUrl(`/cash-closes/${encodeURIComponent(id)}`));
  }
}
