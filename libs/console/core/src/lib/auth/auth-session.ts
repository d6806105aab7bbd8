import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import type { LoginDto, UserDto } from '@consultorio/shared/contracts';
import {
  Observable,
  catchError,
  finalize,
  firstValueFrom,
  map,
  of,
  shareReplay,
  tap,
  throwError,
} from 'rxjs';
import { AuthApi } from '../api/auth-api';
import { AuthStore } from './auth-store';

/** Signing in and out, and keeping the access token fresh. */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly api = inject(AuthApi);
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private refreshing: Observable<string> | null = null;
  /** Whether the user is signing out on purpose (so it is not reported as an expired session). */
  private signingOut = false;

  /** Signs in; resolves with the user or rejects with the HTTP error. */
  async login(credentials: LoginDto): Promise<UserDto> {
    const tokens = await firstValueFrom(this.api.login(credentials));
    this.store.start(tokens);
    return tokens.user;
  }

  /** Ends the session on the server (best effort) and in the browser, then shows the login page. */
  async logout(): Promise<void> {
    const refreshToken = this.store.refreshToken();
    const accessToken = this.store.accessToken();
    this.signingOut = true;
    try {
      this.store.clear();
      await this.router.navigateByUrl('/login');
    } finally {
      this.signingOut = false;
    }
    if (refreshToken && accessToken) {
      await firstValueFrom(this.api.logout(refreshToken, accessToken).pipe(catchError(() => of(undefined))));
    }
  }

  /**
   * A new access token. Concurrent callers share one refresh request, because the refresh token
   * is single-use: two refreshes with the same token would revoke the session.
   */
  refreshAccessToken(): Observable<string> {
    if (this.refreshing) return this.refreshing;
    const refreshToken = this.store.latestRefreshToken();
    if (!refreshToken) return throwError(() => new Error('No session to refresh'));
    this.refreshing = this.api.refresh(refreshToken).pipe(
      tap((tokens) => this.store.start(tokens)),
      map((tokens) => tokens.access_token),
      finalize(() => (this.refreshing = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshing;
  }

  /** Forgets a session the server no longer accepts and asks to sign in again, then come back. */
  expire(): void {
    if (this.signingOut) return;
    this.store.clear();
    const navigation = this.router.currentNavigation();
    const current = (navigation?.finalUrl ?? navigation?.extractedUrl)?.toString() ?? this.router.url;
    if (current.startsWith('/login')) return;
    const returnUrl = current && current !== '/' ? current : undefined;
    void this.router.navigate(['/login'], { queryParams: { returnUrl, expired: 1 } });
  }

  /** Reloads the signed-in user from the server (role or name may have changed elsewhere). */
  async reloadProfile(): Promise<void> {
    try {
      this.store.updateUser(await firstValueFrom(this.api.profile()));
    } catch (error) {
      if (!(error instanceof HttpErrorResponse)) throw error;
    }
  }
}
