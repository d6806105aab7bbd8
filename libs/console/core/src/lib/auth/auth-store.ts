import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { Role, TokenResponseDto, UserDto } from '@consultorio/shared/contracts';
import { BrowserStorage, STORAGE_KEYS } from '../browser/browser-storage';

/** The signed-in session as kept in the browser. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  user: UserDto;
}

/**
 * The signed-in user and their tokens. Kept in `localStorage` so a reload keeps the session, and
 * shared between tabs: refresh tokens rotate, so a tab that refreshed must hand the new pair to
 * the others or they would reuse a spent token and revoke the session.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly storage = inject(BrowserStorage);
  private readonly session = signal<Session | null>(this.readStored());

  /** The signed-in user, or `null`. */
  readonly user = computed(() => this.session()?.user ?? null);
  readonly role = computed<Role | null>(() => this.session()?.user.role ?? null);
  /** Whether someone is signed in. */
  readonly isAuthenticated = computed(() => this.session() !== null);

  constructor() {
    const onStorage = (event: StorageEvent) => {
      if (event.key === STORAGE_KEYS.session) this.session.set(this.readStored());
    };
    globalThis.addEventListener?.('storage', onStorage);
    inject(DestroyRef).onDestroy(() => globalThis.removeEventListener?.('storage', onStorage));
  }

  accessToken(): string | null {
    return this.session()?.accessToken ?? null;
  }

  refreshToken(): string | null {
    return this.session()?.refreshToken ?? null;
  }

  /**
   * The refresh token another tab may have stored since this tab last looked: using it instead
   * of a spent one keeps a rotation in one tab from logging out the others.
   */
  latestRefreshToken(): string | null {
    const stored = this.readStored();
    if (stored && stored.refreshToken !== this.refreshToken()) this.session.set(stored);
    return this.refreshToken();
  }

  /** Starts (or continues, after a refresh) a session from a login or refresh answer. */
  start(tokens: TokenResponseDto): void {
    this.write({ accessToken: tokens.access_token, refreshToken: tokens.refresh_token, user: tokens.user });
  }

  updateUser(user: UserDto): void {
    const current = this.session();
    if (current) this.write({ ...current, user });
  }

  clear(): void {
    this.session.set(null);
    this.storage.remove(STORAGE_KEYS.session);
  }

  private write(session: Session): void {
    this.session.set(session);
    this.storage.set(STORAGE_KEYS.session, JSON.stringify(session));
  }

  private readStored(): Session | null {
    const raw = this.storage.get(STORAGE_KEYS.session);
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as Partial<Session>;
      if (typeof parsed.accessToken !== 'string' || typeof parsed.refreshToken !== 'string' || !parsed.user) {
        return null;
      }
      return parsed as Session;
    } catch {
      return null;
    }
  }
}
