import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { BrowserStorage, STORAGE_KEYS } from '../browser/browser-storage';

export type ColorScheme = 'light' | 'dark';

/**
 * Light or dark colours. Follows the operating system until the user picks one, then remembers
 * the choice. The theme uses `light-dark()` tokens, so a class on `<html>` that sets
 * `color-scheme` is all it takes.
 */
@Injectable({ providedIn: 'root' })
export class Theme {
  private readonly storage = inject(BrowserStorage);
  private readonly document = inject(DOCUMENT);
  private readonly schemeSignal = signal<ColorScheme>(this.storedScheme() ?? this.systemScheme());

  readonly scheme = this.schemeSignal.asReadonly();
  /** Whether the dark scheme is on. */
  readonly isDark = computed(() => this.scheme() === 'dark');

  constructor() {
    this.apply(this.scheme());
  }

  toggle(): void {
    this.use(this.isDark() ? 'light' : 'dark');
  }

  use(scheme: ColorScheme): void {
    this.schemeSignal.set(scheme);
    this.storage.set(STORAGE_KEYS.theme, scheme);
    this.apply(scheme);
  }

  private apply(scheme: ColorScheme): void {
    const classes = this.document.documentElement.classList;
    classes.toggle('theme-dark', scheme === 'dark');
    classes.toggle('theme-light', scheme === 'light');
  }

  private storedScheme(): ColorScheme | null {
    const stored = this.storage.get(STORAGE_KEYS.theme);
    return stored === 'light' || stored === 'dark' ? stored : null;
  }

  private systemScheme(): ColorScheme {
    return this.document.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
}
