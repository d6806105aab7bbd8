import { Injectable, inject } from '@angular/core';
import { DoctorsApi, PagedListStore, type DoctorListQuery } from '@consultorio/console/core';
import { DEFAULT_PAGE_SIZE, type DoctorDto, type DoctorPageDto } from '@consultorio/shared/contracts';
import type { Observable } from 'rxjs';

/** The doctors list's search, filters and page. */
export type DoctorsQuery = Required<Pick<DoctorListQuery, 'page' | 'pageSize'>> &
  Required<Pick<DoctorListQuery, 'q' | 'specialtyId' | 'locationId' | 'available'>>;

/** State of the doctors page: search (name or license), specialty, location and availability filters. */
@Injectable()
export class DoctorsStore extends PagedListStore<DoctorsQuery, DoctorDto> {
  private readonly api = inject(DoctorsApi);

  constructor() {
    super({
      q: '',
      specialtyId: null,
      locationId: null,
      available: null,
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
    });
  }

  protected fetch(query: DoctorsQuery): Observable<DoctorPageDto> {
    return this.api.list({ ...query, q: query.q.trim() });
  }

  search(q: string): void {
    this.refine({ q });
  }

  filter(changes: Partial<Pick<DoctorsQuery, 'specialtyId' | 'locationId' | 'available'>>): void {
    this.refine(changes);
  }
}
