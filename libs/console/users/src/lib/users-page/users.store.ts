import { Injectable, inject } from '@angular/core';
import { PagedListStore, UserListQuery, UsersApi } from '@consultorio/console/core';
import { DEFAULT_PAGE_SIZE, Role, type UserDto, type UserPageDto } from '@consultorio/shared/contracts';
import type { Observable } from 'rxjs';

/** State of the users page: filters, order, the current page and how loading it went. */
@Injectable()
export class UsersStore extends PagedListStore<UserListQuery, UserDto> {
  private readonly api = inject(UsersApi);
  readonly users = this.items;

  constructor() {
    super({ q: '', role: null, active: null, page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: 'fullName' });
  }

  protected fetch(query: UserListQuery): Observable<UserPageDto> {
    return this.api.list(query);
  }

  search(q: string): void {
    this.refine({ q });
  }

  filter(changes: { role?: Role | null; active?: boolean | null }): void {
    this.refine(changes);
  }

  sortBy(field: string, direction: 'asc' | 'desc' | ''): void {
    this.refine({ sort: direction === 'desc' ? `-${field}` : field });
  }

  setActive(user: UserDto, active: boolean): Observable<UserDto> {
    return this.api.update(user.id, { active });
  }
}
