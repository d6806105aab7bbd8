import { Injectable, inject } from '@angular/core';
import { PagedListStore } from '@consultorio/console/core';
import { type InvoicePageDto, type InvoiceSummaryDto } from '@consultorio/shared/contracts';
import { EMPTY, type Observable } from 'rxjs';
import { InvoicesApi } from '../data/invoices-api';

interface PatientInvoicesQuery {
  patientId: string | null;
  page: number;
  pageSize: number;
  sort: string;
}

/** One patient's invoices and credit notes, newest first. */
@Injectable()
export class PatientInvoicesStore extends PagedListStore<PatientInvoicesQuery, InvoiceSummaryDto> {
  private readonly api = inject(InvoicesApi);

  constructor() {
    super({ patientId: null, page: 1, pageSize: 10, sort: '-createdAt' });
  }

  forPatient(patientId: string): void {
    this.refine({ patientId });
  }

  protected fetch(query: PatientInvoicesQuery): Observable<InvoicePageDto> {
    const { patientId, ...page } = query;
    return patientId ? this.api.byPatient(patientId, page) : EMPTY;
  }
}
