import { Injectable } from '@angular/core';

/**
 * `localStorage` that never throws: private windows and disabled storage make it fail, and the
 * console must keep working (only without remembering preferences).
 */
@Injectable({ providedIn: 'root' })
export class BrowserStorage {
  get(key: string): string | null {
    try {
      return globalThis.localStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  set(key: string, value: string): void {
    try {
      globalThis.localStorage?.setItem(key, value);
    } catch {
      // Preferences are a convenience; losing them is acceptable.
    }
  }

  remove(key: string): void {
    try {
      globalThis.localStorage?.removeItem(key);
    } catch {
      // Same as above.
    }
  }
}

/** Keys under which the console keeps its state in `localStorage`. */
export const STORAGE_KEYS = {
  session: 'consultorio.session',
  language: 'consultorio.language',
  theme: 'consultorio.theme',
} as const;
