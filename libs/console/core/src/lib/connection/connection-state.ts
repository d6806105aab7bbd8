import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { SKIP_SESSION_REFRESH, apiUrl } from '../http/api-context';

/** Whether the API can be reached; set by the HTTP interceptor, shown by the shell. */
@Injectable({ providedIn: 'root' })
export class ConnectionState {
  private readonly http = inject(HttpClient);
  private readonly lostSignal = signal(false);
  private failedNavigation: string | null = null;

  /** Whether the last API call failed because the server could not be reached. */
  readonly lost = this.lostSignal.asReadonly();

  /** Marks the server as unreachable; `url` is a page that could not be opened because of it. */
  markLost(url?: string): void {
    this.lostSignal.set(true);
    if (url) this.failedNavigation = url;
  }

  /** The page that failed to open while offline, once; the shell opens it again on reconnection. */
  takeFailedNavigation(): string | null {
    const url = this.failedNavigation;
    this.failedNavigation = null;
    return url;
  }

  markReachable(): void {
    this.lostSignal.set(false);
  }

  /**
   * Asks the server whether it is back. Any HTTP answer (even an error status) proves it is
   * reachable; only a network failure (status 0) keeps the lost state.
   */
  async check(): Promise<boolean> {
    try {
      await firstValueFrom(
        this.http.get(apiUrl('/health'), { context: new HttpContext().set(SKIP_SESSION_REFRESH, true) }),
      );
    } catch (error) {
      if ((error as { status?: number }).status === 0) return false;
    }
    this.markReachable();
    return true;
  }
}
