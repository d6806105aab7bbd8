import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreatePatientDto,
  PatientDto,
  PatientPageDto,
  PatientStatus,
  PatientSummaryDto,
} from '@consultorio/shared/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../http/api-context';
import { queryParams } from './query-params';

/** Search, filter, page and order of the patients list (`GET /patients`). */
export interface PatientListQuery {
  /** Name, document, phone or e-mail; accent-, case- and typo-tolerant. */
  q: string;
  status: PatientStatus | null;
  page: number;
  pageSize: number;
  /** `lastNames`, `firstNames`, `createdAt` or `birthDate`, `-` prefixed for descending. */
  sort: string;
}

/** `/patients`: the clinic's patients (superadmins, admins and receptionists). */
@Injectable({ providedIn: 'root' })
export class PatientsApi {
  private readonly http = inject(HttpClient);

  list(query: PatientListQuery): Observable<PatientPageDto> {
    return this.http.get<PatientPageDto>(apiUrl('/patients'), {
      params: queryParams({ ...query, q: query.q.trim() }),
    });
  }

  /** The best 10 matches for search-as-you-type; `q` needs at least 2 characters. */
  search(q: string): Observable<PatientSummaryDto[]> {
    return this.http.get<PatientSummaryDto[]>(apiUrl('/patients/search'), { params: queryParams({ q }) });
  }

  /** The whole record; the read is written to the audit log. */
  get(id: string): Observable<PatientDto> {
    return this.http.get<PatientDto>(apiUrl(`/patients/${encodeURIComponent(id)}`));
  }

  create(patient: CreatePatientDto): Observable<PatientDto> {
    return this.http.post<PatientDto>(apiUrl('/patients'), patient);
  }

  /** Changes only the fields sent; patients are never deleted (`status: inactive`). */
  update(id: string, changes: Partial<CreatePatientDto>): Observable<PatientDto> {
    return this.http.patch<PatientDto>(apiUrl(`/patients/${encodeURIComponent(id)}`), changes);
  }
}
