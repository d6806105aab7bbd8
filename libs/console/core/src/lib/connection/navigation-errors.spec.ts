import { TestBed } from '@angular/core/testing';
import { NavigationError } from '@angular/router';
import { ConnectionState } from './connection-state';
import { handleNavigationError, isChunkLoadError } from './navigation-errors';

describe('navigation errors', () => {
  it('recognises a lazy page whose code could not be downloaded', () => {
    expect(
      isChunkLoadError(new TypeError('Failed to fetch dynamically imported module: /chunk-AB12.js')),
    ).toBe(true);
    expect(isChunkLoadError(new Error('NG04002: Cannot match any routes'))).toBe(false);
  });

  it('shows the lost-connection state and remembers the page to reopen once', () => {
    const connection = TestBed.inject(ConnectionState);
    const error = new NavigationError(
      1,
      '/users',
      new TypeError('Failed to fetch dynamically imported module'),
    );

    TestBed.runInInjectionContext(() => handleNavigationError(error));

    expect(connection.lost()).toBe(true);
    expect(connection.takeFailedNavigation()).toBe('/users');
    expect(connection.takeFailedNavigation()).toBeNull();
  });
});
