import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateUserDto, Role, UpdateUserDto, UserDto, UserPageDto } from '@consultorio/shared/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../http/api-context';
import { queryParams } from './query-params';

/** Filters, page and order of the users list (`GET /users`). */
export interface UserListQuery {
  q: string;
  role: Role | null;
  active: boolean | null;
  page: number;
  pageSize: number;
  /** Field name, `-` prefixed for descending. */
  sort: string;
}

/** `/users`: user administration (superadmins and admins). */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(query: UserListQuery): Observable<UserPageDto> {
    return this.http.get<UserPageDto>(apiUrl('/users'), {
      params: queryParams({
        q: query.q.trim(),
        role: query.role,
        active: query.active,
        page: query.page,
        pageSize: query.pageSize,
        sort: query.sort,
      }),
    });
  }

  get(id: string): Observable<UserDto> {
    return this.http.get<UserDto>(apiUrl(`/users/${encodeURIComponent(id)}`));
  }

  create(user: CreateUserDto): Observable<UserDto> {
    return this.http.post<UserDto>(apiUrl('/users'), user);
  }

  update(id: string, changes: UpdateUserDto): Observable<UserDto> {
    return this.http.patch<UserDto>(apiUrl(`/users/${encodeURIComponent(id)}`), changes);
  }
}
