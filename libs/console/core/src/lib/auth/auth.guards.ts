import { inject } from '@angular/core';
import { CanActivateFn, RedirectCommand, Router } from '@angular/router';
import type { Role } from '@consultorio/shared/contracts';
import { AuthStore } from './auth-store';

/** Lets signed-in users through; sends others to the login page, remembering where they were going. */
export const authGuard: CanActivateFn = (_route, state) => {
  if (inject(AuthStore).isAuthenticated()) return true;
  const returnUrl = state.url && state.url !== '/' ? state.url : undefined;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl } });
};

/** Keeps signed-in users away from the login page. */
export const guestGuard: CanActivateFn = () =>
  inject(AuthStore).isAuthenticated() ? inject(Router).createUrlTree(['/']) : true;

/**
 * Lets through only the given roles. Others see the forbidden page at the same address, so the
 * browser's back button and a shared link behave as expected.
 */
export function roleGuard(...roles: readonly Role[]): CanActivateFn {
  return () => {
    const role = inject(AuthStore).role();
    if (role && roles.includes(role)) return true;
    const router = inject(Router);
    return new RedirectCommand(router.parseUrl('/forbidden'), { skipLocationChange: true });
  };
}
