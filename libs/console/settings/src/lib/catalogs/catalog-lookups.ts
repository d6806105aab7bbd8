import { Injectable, inject, signal, type Signal } from '@angular/core';
import { CatalogsApi, type CatalogPath } from '@consultorio/console/core';
import { MAX_PAGE_SIZE, type CatalogEntryDto, type Page } from '@consultorio/shared/contracts';
import { EMPTY, Observable, expand, map, reduce } from 'rxjs';

/**
 * Every entry of the catalogs other catalogs refer to (specialties, zones, locations, business
 * lines), by id, so lists show names instead of ids and forms offer them as choices. Catalogs are
 * small; each page asks again when it opens, so a name changed elsewhere shows up.
 */
@Injectable()
export class CatalogLookups {
  private readonly api = inject(CatalogsApi);
  private readonly entries = new Map<CatalogPath, ReturnType<typeof signal<CatalogEntryDto[] | null>>>();

  /** The entries of `catalog` sorted by name, active or not; `null` until loaded. */
  of(catalog: CatalogPath): Signal<CatalogEntryDto[] | null> {
    return this.slot(catalog).asReadonly();
  }

  /** Loads (again) every entry of `catalog`. */
  load(catalog: CatalogPath): void {
    const slot = this.slot(catalog);
    this.all(catalog).subscribe({ next: (items) => slot.set(items), error: () => slot.set(slot() ?? []) });
  }

  private slot(catalog: CatalogPath) {
    let slot = this.entries.get(catalog);
    if (!slot) {
      slot = signal<CatalogEntryDto[] | null>(null);
      this.entries.set(catalog, slot);
    }
    return slot;
  }

  private all(catalog: CatalogPath): Observable<CatalogEntryDto[]> {
    const page = (number: number) =>
      this.api.list(catalog, { q: '', active: null, page: number, pageSize: MAX_PAGE_SIZE, sort: 'name' });
    return page(1).pipe(
      expand((current: Page<CatalogEntryDto>) =>
        current.page * current.pageSize < current.total ? page(current.page + 1) : EMPTY,
      ),
      map((current) => current.items),
      reduce((all, items) => [...all, ...items], [] as CatalogEntryDto[]),
    );
  }
}
