import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { apiUrl } from '@consultorio/console/core';
import type {
  CreateCreditNoteDto,
  CreateInvoiceDto,
  CreatePaymentDto,
  InvoiceDto,
  InvoiceKind,
  InvoicePageDto,
  InvoiceSeriesDto,
  InvoiceStatus,
  PatientBalanceDto,
  PaymentDto,
  PaymentPageDto,
  UpdateInvoiceDto,
  VoidInvoiceDto,
} from '@consultorio/shared/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

/** Filters, page and order of the invoices list (`GET /invoices`). */
export interface InvoiceListQuery {
  /** Part of the code (`F001-42`), or of the patient's name or document. */
  search: string;
  status: InvoiceStatus | null;
  kind: InvoiceKind | null;
  patientId: string | null;
  appointmentId: string | null;
  /** Clinic-local dates `YYYY-MM-DD` (issued, or created for drafts), both included. */
  from: string | null;
  to: string | null;
  /** Whether only invoices with something left to pay are listed. */
  unpaid: boolean;
  page: number;
  pageSize: number;
  /** `createdAt`, `issuedAt`, `total` or `number`, `-` prefixed for descending. */
  sort: string;
}

const path = (id: string, rest = '') => apiUrl(`/invoices/${encodeURIComponent(id)}${rest}`);

/** `/invoices`: invoices, credit notes and their payments (front desk and admins; admins void). */
@Injectable({ providedIn: 'root' })
export class InvoicesApi {
  private readonly http = inject(HttpClient);

  list(query: Partial<InvoiceListQuery>): Observable<InvoicePageDto> {
    return this.http.get<InvoicePageDto>(apiUrl('/invoices'), {
      params: queryParams({
        page: query.page,
        pageSize: query.pageSize,
        sort: query.sort,
        search: query.search?.trim(),
        status: query.status,
        kind: query.kind,
        patientId: query.patientId,
        appointmentId: query.appointmentId,
        from: query.from,
        to: query.to,
        unpaid: query.unpaid ? true : null,
      }),
    });
  }

  /** One patient's invoices and credit notes, newest first unless `sort` says otherwise. */
  byPatient(
    patientId: string,
    query: Pick<InvoiceListQuery, 'page' | 'pageSize' | 'sort'>,
  ): Observable<InvoicePageDto> {
    return this.http.get<InvoicePageDto>(apiUrl(`/invoices/patient/${encodeURIComponent(patientId)}`), {
      params: queryParams({ ...query }),
    });
  }

  /** What the patient was billed, has paid and still owes. */
  balance(patientId: string): Observable<PatientBalanceDto> {
    return this.http.get<PatientBalanceDto>(
      apiUrl(`/invoices/patient/${encodeURIComponent(patientId)}/balance`),
    );
  }

  get(id: string): Observable<InvoiceDto> {
    return this.http.get<InvoiceDto>(path(id));
  }

  /** A draft; with an appointment and no lines, the API drafts the appointment's treatment. */
  create(invoice: CreateInvoiceDto): Observable<InvoiceDto> {
    return this.http.post<InvoiceDto>(apiUrl('/invoices'), invoice);
  }

  /** Drafts only; `items` replaces every line. */
  update(id: string, changes: UpdateInvoiceDto): Observable<InvoiceDto> {
    return this.http.put<InvoiceDto>(path(id), changes);
  }

  /** Drafts only. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(path(id));
  }

  /** Numbers a draft in its series; it can no longer change. */
  issue(id: string): Observable<InvoiceDto> {
    return this.http.post<InvoiceDto>(path(id, '/issue'), null);
  }

  /** Admins; issued invoices without payments or credits only. */
  void(id: string, body: VoidInvoiceDto): Observable<InvoiceDto> {
    return this.http.post<InvoiceDto>(path(id, '/void'), body);
  }

  /** Answers the credit note. */
  creditNote(id: string, body: CreateCreditNoteDto): Observable<InvoiceDto> {
    return this.http.post<InvoiceDto>(path(id, '/credit-notes'), body);
  }

  payments(id: string): Observable<PaymentPageDto> {
    return this.http.get<PaymentPageDto>(path(id, '/payments'));
  }

  /** More than the balance, or a closed cash day, answers 422. */
  pay(id: string, payment: CreatePaymentDto): Observable<PaymentDto> {
    return this.http.post<PaymentDto>(path(id, '/payments'), payment);
  }

  /** The printable document (the request carries the session's token, so it goes through HttpClient). */
  pdf(id: string): Observable<Blob> {
    return this.http.get(path(id, '/pdf'), { responseType: 'blob' });
  }

  series(): Observable<InvoiceSeriesDto[]> {
    return this.http.get<InvoiceSeriesDto[]>(apiUrl('/invoice-series'));
  }
}
