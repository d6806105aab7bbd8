import { Injectable, InjectionToken, computed, inject } from '@angular/core';
import { CatalogListQuery, CatalogsApi, PagedListStore } from '@consultorio/console/core';
import { DEFAULT_PAGE_SIZE, type CatalogEntryDto, type Page } from '@consultorio/shared/contracts';
import type { Observable } from 'rxjs';
import type { CatalogConfig } from '../catalog-config';

/** The catalog a page shows; the page provides it from its route. */
export const CATALOG_CONFIG = new InjectionToken<CatalogConfig>('CATALOG_CONFIG');

/** State of one catalog page: search, filters, order, the current page and how loading it went. */
@Injectable()
export class CatalogStore extends PagedListStore<CatalogListQuery, CatalogEntryDto> {
  private readonly api = inject(CatalogsApi);
  readonly config = inject(CATALOG_CONFIG);

  /** Whether anything narrows the list (an empty list then means "nothing matches"). */
  readonly filtered = computed(() => {
    const { q, active, filters } = this.query();
    return !!q || active !== null || Object.values(filters ?? {}).some((value) => value !== null);
  });

  constructor() {
    super({ q: '', active: null, page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: 'name', filters: {} });
  }

  protected fetch(query: CatalogListQuery): Observable<Page<CatalogEntryDto>> {
    return this.api.list(this.config.path, query);
  }

  search(q: string): void {
    this.refine({ q });
  }

  filterActive(active: boolean | null): void {
    this.refine({ active });
  }

  /** Filters by an enum or reference field, e.g. `specialtyId`; `null` shows every value. */
  filterBy(field: string, value: string | null): void {
    this.refine({ filters: { ...this.query().filters, [field]: value } });
  }

  sortByName(direction: 'asc' | 'desc' | ''): void {
    this.refine({ sort: direction === 'desc' ? '-name' : 'name' });
  }

  setActive(entry: CatalogEntryDto, active: boolean): Observable<CatalogEntryDto> {
    return this.api.update(this.config.path, entry.id, { active });
  }

  remove(entry: CatalogEntryDto): Observable<void> {
    return this.api.remove(this.config.path, entry.id);
  }
}
