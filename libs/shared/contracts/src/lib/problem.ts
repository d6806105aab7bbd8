/** One invalid field of a request, as listed in a problem's `errors`. */
export interface FieldError {
  /** Dotted path of the field, e.g. `email` or `items.0.quantity`. */
  field: string;
  /** Human-readable message (English). */
  message: string;
  /** Machine-readable rule that failed, e.g. `isEmail`, `minLength`, `unique`. */
  code: string;
}

/** RFC 9457 problem details: the one error shape of the API. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
