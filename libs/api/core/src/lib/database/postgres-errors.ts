import type { FieldError } from '@consultorio/shared/contracts';

/** What a PostgreSQL error means for the client. `null` when it is not the client's fault. */
export interface MappedDatabaseError {
  status: number;
  slug: string;
  title: string;
  detail: string;
  errors?: FieldError[];
}

interface PgErrorLike {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
  table?: string;
}

const CONSTRAINT_DETAILS = new Map<string, string>();

/**
 * Registers what a named constraint means, so its violation is explained in the client's terms
 * (features call this for their exclusion and check constraints).
 */
export function describeConstraints(details: Record<string, string>): void {
  for (const [constraint, detail] of Object.entries(details)) CONSTRAINT_DETAILS.set(constraint, detail);
}

const camel = (value: string) => value.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Columns named in a detail such as `Key (lower(email))=(x) already exists.` */
function keyColumns(detail?: string): string[] {
  const match = detail?.match(/^Key \((.+?)\)=/);
  if (!match) return [];
  return match[1]
    .split(',')
    .map((part) => part.trim().replace(/^\w+\((.+)\)$/, '$1'))
    .map(camel);
}

/**
 * Maps constraint violations and bad-value errors to client errors: unique 23505 and exclusion
 * 23P01 → 409, foreign key 23503 → 409, check 23514 / not-null 23502 / too long 22001 → 422,
 * bad text representation 22P02 / out of range 22003 / bad datetime 22007 22008 → 400.
 */
export function mapPostgresError(error: PgErrorLike): MappedDatabaseError | null {
  const mapped = mapByCode(error);
  const described = error.constraint ? CONSTRAINT_DETAILS.get(error.constraint) : undefined;
  return mapped && described ? { ...mapped, detail: described } : mapped;
}

function mapByCode(error: PgErrorLike): MappedDatabaseError | null {
  const constraint = error.constraint ?? '';
  switch (error.code) {
    case '23505': {
      const fields = keyColumns(error.detail);
      return {
        status: 409,
        slug: 'conflict',
        title: 'Conflict',
        detail: fields.length
          ? `A record with the same ${fields.join(', ')} already exists.`
          : `A record with the same values already exists (${constraint}).`,
        errors: fields.map((field) => ({ field, code: 'unique', message: `${field} is already taken` })),
      };
    }
    case '23P01':
      return {
        status: 409,
        slug: 'conflict',
        title: 'Conflict',
        detail: `The change overlaps an existing record (${constraint}).`,
      };
    case '23503':
      return {
        status: 409,
        slug: 'reference-conflict',
        title: 'Conflict',
        detail: error.detail?.includes('is still referenced')
          ? 'The record is still in use by other records.'
          : 'A referenced record does not exist.',
        errors: keyColumns(error.detail).map((field) => ({
          field,
          code: 'reference',
          message: `${field} does not refer to an existing record`,
        })),
      };
    case '23514':
      return {
        status: 422,
        slug: 'rule-violation',
        title: 'Unprocessable Content',
        detail: `The values break the rule ${constraint}.`,
      };
    case '23502':
      return {
        status: 422,
        slug: 'rule-violation',
        title: 'Unprocessable Content',
        detail: `${error.column ? camel(error.column) : 'A field'} is required.`,
        errors: error.column
          ? [{ field: camel(error.column), code: 'required', message: `${camel(error.column)} is required` }]
          : undefined,
      };
    case '22001':
      return {
        status: 422,
        slug: 'rule-violation',
        title: 'Unprocessable Content',
        detail: 'A value is too long.',
      };
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
      return {
        status: 400,
        slug: 'bad-request',
        title: 'Bad Request',
        detail: 'A value has the wrong format.',
      };
    default:
      return null;
  }
}
