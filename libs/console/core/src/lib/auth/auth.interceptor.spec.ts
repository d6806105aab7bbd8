import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { TokenResponseDto } from '@consultorio/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { testUser, tokensFor } from '../../../testing';
import { AuthApi } from '../api/auth-api';
import { STORAGE_KEYS } from '../browser/browser-storage';
import { ConnectionState } from '../connection/connection-state';
import { AuthStore } from './auth-store';
import { authInterceptor } from './auth.interceptor';

function tokens(access: string, refresh: string): TokenResponseDto {
  return tokensFor(testUser(), access, refresh);
}

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankPage {}

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let store: AuthStore;
  let router: Router;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([{ path: 'users', component: BlankPage }]),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AuthStore);
    router = TestBed.inject(Router);
    store.start(tokens('access-1', 'refresh-1'));
  });

  afterEach(() => backend.verify());

  it('sends the bearer token to the API only', async () => {
    const api = firstValueFrom(http.get('/api/v1/roles'));
    const elsewhere = firstValueFrom(http.get('https://example.org/data'));

    const apiRequest = backend.expectOne('/api/v1/roles');
    expect(apiRequest.request.headers.get('Authorization')).toBe('Bearer access-1');
    apiRequest.flush([]);
    const otherRequest = backend.expectOne('https://example.org/data');
    expect(otherRequest.request.headers.has('Authorization')).toBe(false);
    otherRequest.flush({});
    await Promise.all([api, elsewhere]);
  });

  it('refreshes once for calls failing together, stores the rotated tokens and retries them', async () => {
    const first = firstValueFrom(http.get<string>('/api/v1/users'));
    const second = firstValueFrom(http.get<string>('/api/v1/roles'));

    backend.expectOne('/api/v1/users').flush(null, UNAUTHORIZED);
    backend.expectOne('/api/v1/roles').flush(null, UNAUTHORIZED);

    const refresh = backend.expectOne('/api/v1/auth/refresh');
    expect(refresh.request.body).toEqual({ refresh_token: 'refresh-1' });
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush(tokens('access-2', 'refresh-2'));

    const retriedUsers = backend.expectOne('/api/v1/users');
    const retriedRoles = backend.expectOne('/api/v1/roles');
    expect(retriedUsers.request.headers.get('Authorization')).toBe('Bearer access-2');
    expect(retriedRoles.request.headers.get('Authorization')).toBe('Bearer access-2');
    retriedUsers.flush('users');
    retriedRoles.flush('roles');

    expect(await first).toBe('users');
    expect(await second).toBe('roles');
    expect(store.refreshToken()).toBe('refresh-2');
    expect(JSON.parse(localStorage.getItem(STORAGE_KEYS.session) ?? '{}').refreshToken).toBe('refresh-2');
  });

  it('ends the session and asks to sign in again, coming back afterwards, when the refresh is refused', async () => {
    await router.navigateByUrl('/users?role=admin');
    const navigate = vi.spyOn(router, 'navigate').mockResolvedValue(true);

    const call = firstValueFrom(http.get('/api/v1/users'));
    backend.expectOne('/api/v1/users').flush(null, UNAUTHORIZED);
    backend.expectOne('/api/v1/auth/refresh').flush(null, UNAUTHORIZED);

    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect((error as HttpErrorResponse).status).toBe(401);
    expect(store.isAuthenticated()).toBe(false);
    expect(localStorage.getItem(STORAGE_KEYS.session)).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], {
      queryParams: { returnUrl: '/users?role=admin', expired: 1 },
    });
  });

  it('does not retry a second time when the retried call is refused too', async () => {
    const call = firstValueFrom(http.get('/api/v1/users'));
    backend.expectOne('/api/v1/users').flush(null, UNAUTHORIZED);
    backend.expectOne('/api/v1/auth/refresh').flush(tokens('access-2', 'refresh-2'));
    backend.expectOne('/api/v1/users').flush(null, UNAUTHORIZED);

    expect(((await call.catch((e: unknown) => e)) as HttpErrorResponse).status).toBe(401);
    backend.expectNone('/api/v1/auth/refresh');
  });

  it('never refreshes for a failed login', async () => {
    store.clear();
    const login = firstValueFrom(
      TestBed.inject(AuthApi).login({ login: 'admin', password: 'wrong-password' }),
    );
    backend.expectOne('/api/v1/auth/login').flush(null, UNAUTHORIZED);

    expect(((await login.catch((e: unknown) => e)) as HttpErrorResponse).status).toBe(401);
    backend.expectNone('/api/v1/auth/refresh');
  });

  it('marks the connection as lost on a network failure and as back on the next answer', async () => {
    const connection = TestBed.inject(ConnectionState);

    const failing = firstValueFrom(http.get('/api/v1/roles')).catch(() => undefined);
    backend.expectOne('/api/v1/roles').error(new ProgressEvent('error'), { status: 0 });
    await failing;
    expect(connection.lost()).toBe(true);

    const working = firstValueFrom(http.get('/api/v1/roles'));
    backend.expectOne('/api/v1/roles').flush([]);
    await working;
    expect(connection.lost()).toBe(false);
  });
});
