import { TestBed } from '@angular/core/testing';
import {
  ActivatedRouteSnapshot,
  RedirectCommand,
  Router,
  RouterStateSnapshot,
  UrlTree,
  provideRouter,
} from '@angular/router';
import { Role } from '@consultorio/shared/contracts';
import { testUser, tokensFor } from '../../../testing';
import { AuthStore } from './auth-store';
import { authGuard, roleGuard } from './auth.guards';

function signInAs(role: Role): void {
  TestBed.inject(AuthStore).start(tokensFor(testUser({ role })));
}

function run(guard: ReturnType<typeof roleGuard>, url = '/users') {
  const state = { url } as RouterStateSnapshot;
  return TestBed.runInInjectionContext(() => guard({} as ActivatedRouteSnapshot, state));
}

describe('route guards', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
  });

  it('sends a signed-out visitor to the login page with the address to come back to', () => {
    const result = run(authGuard, '/users?page=2');
    expect(result).toBeInstanceOf(UrlTree);
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe(
      '/login?returnUrl=%2Fusers%3Fpage%3D2',
    );
  });

  it('lets the listed roles through', () => {
    signInAs(Role.Admin);
    expect(run(roleGuard(Role.Superadmin, Role.Admin))).toBe(true);
  });

  it('shows the forbidden page to other roles without changing the address', () => {
    signInAs(Role.Doctor);
    const result = run(roleGuard(Role.Superadmin, Role.Admin));
    expect(result).toBeInstanceOf(RedirectCommand);
    const command = result as RedirectCommand;
    expect(TestBed.inject(Router).serializeUrl(command.redirectTo)).toBe('/forbidden');
    expect(command.navigationBehaviorOptions?.skipLocationChange).toBe(true);
  });
});
