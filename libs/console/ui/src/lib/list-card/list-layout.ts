import { BreakpointObserver } from '@angular/cdk/layout';
import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** How much room a list page has: a phone's, a tablet's or small laptop's, a desktop's. */
export type ListLayout = 'narrow' | 'medium' | 'wide';

const NARROW = '(max-width: 599.98px)';

/**
 * The layout a list page follows as the window changes, for choosing its columns. Call it in an
 * injection context (a field initializer). `mediumUpTo` is the widest `medium` window, in pixels.
 */
export function listLayout(mediumUpTo = 1199.98): Signal<ListLayout> {
  const medium = `(max-width: ${mediumUpTo}px)`;
  return toSignal(
    inject(BreakpointObserver)
      .observe([NARROW, medium])
      .pipe(
        map(({ breakpoints }): ListLayout =>
          breakpoints[NARROW] ? 'narrow' : breakpoints[medium] ? 'medium' : 'wide',
        ),
      ),
    { initialValue: 'wide' },
  );
}
