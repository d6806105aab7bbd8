import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DEFAULT_PAGE_SIZE, type Page, type PageQueryDto } from '@consultorio/shared/contracts';
import { sortProblem } from './sql-page';

/**
 * Sorts, pages and counts a query. `sortable` maps the public sort names to SQL expressions, so
 * clients never reach raw columns; the primary key breaks ties so pages are stable.
 */
export async function paginate<TEntity extends ObjectLiteral, TResult>(
  query: SelectQueryBuilder<TEntity>,
  params: PageQueryDto,
  options: {
    sortable: Record<string, string>;
    defaultSort: string;
    tieBreaker: string;
    map: (entity: TEntity) => TResult;
    /**
     * Page with plain OFFSET/LIMIT. Needed when sorting by a joined table that is not an entity
     * relation (TypeORM's skip/take then fails); only valid when joins never multiply rows.
     */
    plainPaging?: boolean;
  },
): Promise<Page<TResult>> {
  const page = params.page ?? 1;
  const pageSize = params.pageSize ?? DEFAULT_PAGE_SIZE;
  const sort = params.sort ?? options.defaultSort;
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  const expression = options.sortable[field];
  if (!expression) throw sortProblem(options.sortable);
  query.orderBy(expression, descending ? 'DESC' : 'ASC').addOrderBy(options.tieBreaker, 'ASC');
  if (options.plainPaging) query.offset((page - 1) * pageSize).limit(pageSize);
  else query.skip((page - 1) * pageSize).take(pageSize);
  const [entities, total] = await query.getManyAndCount();
  return { items: entities.map(options.map), total, page, pageSize };
}
