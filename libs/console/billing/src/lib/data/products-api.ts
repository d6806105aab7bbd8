import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { apiUrl } from '@consultorio/console/core';
import type { ProductPageDto } from '@consultorio/shared/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

/** `/products`: what the clinic sells by the unit, priced like treatments (same catalog shape). */
@Injectable({ providedIn: 'root' })
export class ProductsApi {
  private readonly http = inject(HttpClient);

  list(query: {
    q?: string;
    active?: boolean | null;
    page?: number;
    pageSize?: number;
    sort?: string;
  }): Observable<ProductPageDto> {
    return this.http.get<ProductPageDto>(apiUrl('/products'), {
      params: queryParams({ ...query, q: query.q?.trim() }),
    });
  }
}
