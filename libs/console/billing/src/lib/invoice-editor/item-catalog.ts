import { Injectable, inject, signal } from '@angular/core';
import { CatalogsApi } from '@consultorio/console/core';
import { InvoiceItemKind, MAX_PAGE_SIZE } from '@consultorio/shared/contracts';
import { catchError, forkJoin, map, of } from 'rxjs';
import { ProductsApi } from '../data/products-api';

/** Something a line can be priced from: a treatment or a product of the catalogs. */
export interface CatalogItem {
  kind: InvoiceItemKind.Treatment | InvoiceItemKind.Product;
  id: string;
  name: string;
  price: string;
  /** The product's SKU, or `null` for treatments. */
  sku: string | null;
}

/** How many suggestions the item field shows. */
const SUGGESTIONS = 8;

/** Folds accents and case, so "extraccion" finds "Extracción". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The active treatments and products, loaded once for the editor and searched in the browser as
 * the user types a line's description (a clinic's catalog is small).
 */
@Injectable()
export class ItemCatalog {
  private readonly catalogs = inject(CatalogsApi);
  private readonly products = inject(ProductsApi);
  readonly items = signal<readonly CatalogItem[]>([]);

  constructor() {
    forkJoin([
      this.catalogs
        .list('treatments', { q: '', active: true, page: 1, pageSize: MAX_PAGE_SIZE, sort: 'name' })
        .pipe(
          map((page) =>
            page.items.map((treatment): CatalogItem => ({
              kind: InvoiceItemKind.Treatment,
              id: treatment.id,
              name: treatment.name,
              price: treatment.price,
              sku: null,
            })),
          ),
          catchError(() => of([])),
        ),
      // Products are optional for billing: without them, lines come from treatments or free text.
      this.products.list({ active: true, page: 1, pageSize: MAX_PAGE_SIZE, sort: 'name' }).pipe(
        map((page) =>
          page.items.map((product): CatalogItem => ({
            kind: InvoiceItemKind.Product,
            id: product.id,
            name: product.name,
            price: product.price,
            sku: product.sku,
          })),
        ),
        catchError(() => of([])),
      ),
    ]).subscribe(([treatments, products]) => this.items.set([...treatments, ...products]));
  }

  /** The items whose name (or SKU) contains `text`, treatments first. */
  search(text: string): CatalogItem[] {
    const q = fold(text.trim());
    const matches = q
      ? this.items().filter((item) => fold(item.name).includes(q) || (item.sku && fold(item.sku).includes(q)))
      : this.items();
    return matches.slice(0, SUGGESTIONS);
  }
}
