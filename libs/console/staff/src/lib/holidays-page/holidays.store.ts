import { Injectable, inject } from '@angular/core';
import { HolidaysApi, PagedListStore, type HolidayListQuery } from '@consultorio/console/core';
import { MAX_PAGE_SIZE, type HolidayDto, type HolidayPageDto } from '@consultorio/shared/contracts';
import type { Observable } from 'rxjs';

/** The clinic's holidays of one year, by date. */
@Injectable()
export class HolidaysStore extends PagedListStore<HolidayListQuery, HolidayDto> {
  private readonly api = inject(HolidaysApi);

  constructor() {
    const year = new Date().getFullYear();
    // A year of holidays fits one page.
    super({ from: `${year}-01-01`, to: `${year}-12-31`, page: 1, pageSize: MAX_PAGE_SIZE });
  }

  protected fetch(query: HolidayListQuery): Observable<HolidayPageDto> {
    return this.api.list(query);
  }

  showYear(year: number): void {
    this.refine({ from: `${year}-01-01`, to: `${year}-12-31` });
  }
}
