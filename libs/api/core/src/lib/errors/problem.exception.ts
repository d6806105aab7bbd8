import { HttpException } from '@nestjs/common';
import type { FieldError } from '@consultorio/shared/contracts';

export const PROBLEM_TYPE_PREFIX = 'urn:consultorio:problem:';

export interface ProblemInit {
  status: number;
  /** Short kebab-case name of the problem type, e.g. `validation`, `last-superadmin`. */
  slug: string;
  title: string;
  detail?: string;
  errors?: FieldError[];
  /** Extra members, e.g. `conflicts`. */
  extensions?: Record<string, unknown>;
}

/** An error answered as RFC 9457 problem details by the global filter. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemInit) {
    super(problem.detail ?? problem.title, problem.status);
  }
}

export const unprocessable = (slug: string, detail: string, errors?: FieldError[]) =>
  new ProblemException({ status: 422, slug, title: 'Unprocessable Content', detail, errors });

export const conflict = (slug: string, detail: string) =>
  new ProblemException({ status: 409, slug, title: 'Conflict', detail });

export const notFound = (entity: string) =>
  new ProblemException({
    status: 404,
    slug: 'not-found',
    title: 'Not Found',
    detail: `${entity} not found.`,
  });

export const forbidden = (detail: string) =>
  new ProblemException({ status: 403, slug: 'forbidden', title: 'Forbidden', detail });
