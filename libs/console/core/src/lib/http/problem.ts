import { HttpErrorResponse } from '@angular/common/http';
import type { ProblemDetails } from '@consultorio/shared/contracts';

/** The problem details of a failed API call, or `null` when the answer carried none. */
export function problemOf(error: unknown): ProblemDetails | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  let body: unknown = error.error;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return null;
    }
  }
  if (body && typeof body === 'object' && 'status' in body && 'title' in body) return body as ProblemDetails;
  return null;
}

/** HTTP status of a failed call; 0 means the server could not be reached. */
export function statusOf(error: unknown): number | null {
  return error instanceof HttpErrorResponse ? error.status : null;
}

/** Seconds to wait before retrying, from a 429 answer's `Retry-After` header (seconds or HTTP date). */
export function retryAfterSeconds(error: unknown, now = Date.now()): number | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const header = error.headers.get('Retry-After');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(1, Math.ceil((date - now) / 1000));
}
