import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ClinicSettingsDto, UpdateClinicSettingsDto } from '@consultorio/shared/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../http/api-context';

/** `/settings`: the clinic's name, time zone, currency, taxes and scheduling rules. */
@Injectable({ providedIn: 'root' })
export class ClinicSettingsApi {
  private readonly http = inject(HttpClient);

  /** Every signed-in role may read them. */
  get(): Observable<ClinicSettingsDto> {
    return this.http.get<ClinicSettingsDto>(apiUrl('/settings'));
  }

  /** Superadmins and admins; only the fields sent change. */
  update(changes: UpdateClinicSettingsDto): Observable<ClinicSettingsDto> {
    return this.http.put<ClinicSettingsDto>(apiUrl('/settings'), changes);
  }
}
