import { inject } from '@angular/core';
import { NavigationError } from '@angular/router';
import { ConnectionState } from './connection-state';

/**
 * For `withNavigationErrorHandler`: a page whose code cannot be downloaded (the browser is
 * offline or the server down) shows the lost-connection page instead of failing silently.
 */
export function handleNavigationError(error: NavigationError): void {
  if (isChunkLoadError(error.error)) inject(ConnectionState).markLost(error.url);
}

/** Whether an error comes from a failed `import()` of a lazy chunk. */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported/i.test(
    message,
  );
}
