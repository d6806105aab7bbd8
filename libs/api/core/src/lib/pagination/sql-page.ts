import { DEFAULT_PAGE_SIZE, type Page, type PageQueryDto } from '@consultorio/shared/contracts';
import { ProblemException } from '../errors/problem.exception';

/** The 400 for a sort field a list does not offer. */
export function sortProblem(sortable: Record<string, string>): ProblemException {
  const fields = Object.keys(sortable).join(', ');
  return new ProblemException({
    status: 400,
    slug: 'validation',
    title: 'Bad Request',
    detail: `sort must be one of: ${fields} (prefix - for descending).`,
    errors: [{ field: 'sort', code: 'isIn', message: `sort must be one of ${fields}` }],
  });
}

/** `expression ASC|DESC` for a public sort name (`-total`), or the 400 that lists the choices. */
export function sortOrder(
  sort: string | undefined,
  sortable: Record<string, string>,
  defaultSort: string,
): string {
  const chosen = sort ?? defaultSort;
  const descending = chosen.startsWith('-');
  const expression = sortable[descending ? chosen.slice(1) : chosen];
  if (!expression) throw sortProblem(sortable);
  return `${expression} ${descending ? 'DESC' : 'ASC'}`;
}

/** A WHERE clause with numbered parameters, built from the filters a request sets. */
export class SqlWhere {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /** Adds a condition; each `?` in it takes the next of `values`. */
  add(condition: string, ...values: unknown[]): this {
    let next = 0;
    this.conditions.push(condition.replace(/\?/g, () => this.param(values[next++])));
    return this;
  }

  /** A placeholder (`$3`) for `value`, for conditions put together by the caller. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get clause(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * One page of a raw-SQL list: `select` and `count` are the statements up to (not including) the
 * WHERE clause; the sort comes from `sortable` only, with `tieBreaker` for stable pages.
 */
export async function pageOfRows<TRow, TResult>(
  db: Queryable,
  options: {
    select: string;
    count: string;
    where: SqlWhere;
    query: PageQueryDto;
    sortable: Record<string, string>;
    defaultSort: string;
    tieBreaker: string;
    map: (row: TRow) => TResult;
  },
): Promise<Page<TResult>> {
  const { where, query } = options;
  const order = sortOrder(query.sort, options.sortable, options.defaultSort);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const params = [...where.params, pageSize, (page - 1) * pageSize];
  const rows = (await db.query(
    `${options.select} ${where.clause} ORDER BY ${order} NULLS LAST, ${options.tieBreaker}
     LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  )) as TRow[];
  const [{ total }] = (await db.query(
    `SELECT count(*)::int AS total FROM (${options.count} ${where.clause}) AS matching`,
    where.params,
  )) as { total: number }[];
  return { items: rows.map(options.map), total, page, pageSize };
}
