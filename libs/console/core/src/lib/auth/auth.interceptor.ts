import {
  HttpErrorResponse,
  HttpEvent,
  HttpInterceptorFn,
  HttpRequest,
  HttpResponse,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { Observable, catchError, of, switchMap, tap, throwError } from 'rxjs';
import { ConnectionState } from '../connection/connection-state';
import { SKIP_SESSION_REFRESH, isApiRequest } from '../http/api-context';
import { AuthSession } from './auth-session';
import { AuthStore } from './auth-store';

/**
 * Sends the bearer token with every API call. On a 401 it refreshes the session once (shared by
 * all calls failing at the same time) and retries; when the refresh is refused the session is
 * over and the user is sent to the login page. A status 0 marks the connection as lost.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiRequest(request)) return next(request);

  const store = inject(AuthStore);
  const session = inject(AuthSession);
  const connection = inject(ConnectionState);
  const signInFlow = request.context.get(SKIP_SESSION_REFRESH);

  const send = (token: string | null): Observable<HttpEvent<unknown>> =>
    next(withToken(request, signInFlow ? null : token)).pipe(
      tap((event) => {
        if (event instanceof HttpResponse) connection.markReachable();
      }),
      catchError((error: unknown) => {
        if (error instanceof HttpErrorResponse) {
          if (error.status === 0) connection.markLost();
          else connection.markReachable();
        }
        return throwError(() => error);
      }),
    );

  const sentToken = store.accessToken();
  return send(sentToken).pipe(
    catchError((error: unknown) => {
      if (
        !(error instanceof HttpErrorResponse) ||
        error.status !== 401 ||
        signInFlow ||
        !store.refreshToken()
      ) {
        return throwError(() => error);
      }
      // Another call may have refreshed the token while this one was in flight: just use it.
      const current = store.accessToken();
      const token$ = current && current !== sentToken ? of(current) : refreshOrExpire(session, error);
      return token$.pipe(switchMap((token) => send(token)));
    }),
  );
};

function refreshOrExpire(session: AuthSession, original: HttpErrorResponse): Observable<string> {
  return session.refreshAccessToken().pipe(
    catchError((refreshError: unknown) => {
      // Without a network the session may still be valid; only a refused refresh ends it.
      if (!(refreshError instanceof HttpErrorResponse) || refreshError.status !== 0) session.expire();
      return throwError(() => original);
    }),
  );
}

function withToken(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}
