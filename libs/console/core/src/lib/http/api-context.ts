import { HttpContextToken, HttpRequest } from '@angular/common/http';
import { API_PREFIX } from '@consultorio/shared/contracts';

/**
 * Whether a request is part of the sign-in flow itself (login, refresh, logout): it is sent
 * without a bearer token and a 401 answer must not trigger a refresh.
 */
export const SKIP_SESSION_REFRESH = new HttpContextToken<boolean>(() => false);

/** Whether the request goes to our API (the console never sends tokens anywhere else). */
export function isApiRequest(request: HttpRequest<unknown>): boolean {
  return request.url.startsWith(API_PREFIX) || request.url.startsWith(`${location.origin}${API_PREFIX}`);
}

/** `API_PREFIX` plus a path, e.g. `apiUrl('/users')` is `/api/v1/users`. */
export function apiUrl(path: string): string {
  return `${API_PREFIX}${path}`;
}
