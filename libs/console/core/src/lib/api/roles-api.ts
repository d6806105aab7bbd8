import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { RoleDto } from '@consultorio/shared/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../http/api-context';

/** `/roles`: what each role may do. */
@Injectable({ providedIn: 'root' })
export class RolesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<RoleDto[]> {
    return this.http.get<RoleDto[]>(apiUrl('/roles'));
  }
}
