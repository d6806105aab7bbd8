import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CatalogEntryDto,
  CreateInsurerDto,
  CreateLocationDto,
  CreateNamedEntryDto,
  CreateResourceDto,
  CreateTreatmentDto,
  CreateProductDto,
  ProductDto,
  InsurerDto,
  LocationDto,
  Page,
  ResourceDto,
  TreatmentDto,
} from '@consultorio/shared/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../http/api-context';
import { queryParams } from './query-params';

/** What each configuration catalog serves and takes, by its URL segment. */
export interface CatalogTypes {
  specialties: { entry: CatalogEntryDto; create: CreateNamedEntryDto };
  'business-lines': { entry: CatalogEntryDto; create: CreateNamedEntryDto };
  'lead-sources': { entry: CatalogEntryDto; create: CreateNamedEntryDto };
  zones: { entry: CatalogEntryDto; create: CreateNamedEntryDto };
  insurers: { entry: InsurerDto; create: CreateInsurerDto };
  locations: { entry: LocationDto; create: CreateLocationDto };
  resources: { entry: ResourceDto; create: CreateResourceDto };
  treatments: { entry: TreatmentDto; create: CreateTreatmentDto };
  products: { entry: ProductDto; create: CreateProductDto };
}

/** URL segment of a catalog, e.g. `treatments`. */
export type CatalogPath = keyof CatalogTypes;
export type CatalogEntryOf<P extends CatalogPath> = CatalogTypes[P]['entry'];
export type CatalogCreateOf<P extends CatalogPath> = CatalogTypes[P]['create'];

/** Search, filters, page and order of a catalog list (`GET /<catalog>`). */
export interface CatalogListQuery {
  q: string;
  active: boolean | null;
  page: number;
  pageSize: number;
  /** `name`, `createdAt` or `updatedAt`, `-` prefixed for descending. */
  sort: string;
  /** Catalog-specific filters, e.g. `{ specialtyId: '…' }`; `null` means "any". */
  filters?: Readonly<Record<string, string | null>>;
}

/** The configuration catalogs (specialties, treatments, locations…): staff read, admins write. */
@Injectable({ providedIn: 'root' })
export class CatalogsApi {
  private readonly http = inject(HttpClient);

  list<P extends CatalogPath>(catalog: P, query: CatalogListQuery): Observable<Page<CatalogEntryOf<P>>> {
    return this.http.get<Page<CatalogEntryOf<P>>>(apiUrl(`/${catalog}`), {
      params: queryParams({
        ...query.filters,
        q: query.q.trim(),
        active: query.active,
        page: query.page,
        pageSize: query.pageSize,
        sort: query.sort,
      }),
    });
  }

  get<P extends CatalogPath>(catalog: P, id: string): Observable<CatalogEntryOf<P>> {
    return this.http.get<CatalogEntryOf<P>>(apiUrl(`/${catalog}/${encodeURIComponent(id)}`));
  }

  create<P extends CatalogPath>(catalog: P, entry: CatalogCreateOf<P>): Observable<CatalogEntryOf<P>> {
    return this.http.post<CatalogEntryOf<P>>(apiUrl(`/${catalog}`), entry);
  }

  /** Changes only the fields sent; `{ active: false }` deactivates. */
  update<P extends CatalogPath>(
    catalog: P,
    id: string,
    changes: Partial<CatalogCreateOf<P>>,
  ): Observable<CatalogEntryOf<P>> {
    return this.http.patch<CatalogEntryOf<P>>(apiUrl(`/${catalog}/${encodeURIComponent(id)}`), changes);
  }

  /** Deletes an entry nothing refers to; one still in use answers 409 (deactivate it instead). */
  remove(catalog: CatalogPath, id: string): Observable<void> {
    return this.http.delete<void>(apiUrl(`/${catalog}/${encodeURIComponent(id)}`));
  }
}
