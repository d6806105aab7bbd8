import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { setUpConsoleTest, testUser } from '@consultorio/console/core/testing';
import { Role } from '@consultorio/shared/contracts';
import { appRoutes } from './app.routes';

async function visit(url: string, role: Role | null) {
  const backend = setUpConsoleTest({
    routes: appRoutes,
    signedInAs: role
      ? testUser({ email: `${role}@consultorio.test`, username: role, fullName: `Demo ${role}`, role })
      : undefined,
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  await harness.fixture.whenStable();
  return {
    harness,
    element: harness.fixture.nativeElement as HTMLElement,
    backend,
  };
}

describe('app routes', () => {
  it('sends a signed-out visitor to the login page, remembering the address', async () => {
    const { element } = await visit('/users', null);
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fusers');
    expect(element.querySelector('h1')?.textContent).toBe('Iniciar sesión');
  });

  it('opens the users page for an admin', async () => {
    const { element, backend } = await visit('/users', Role.Admin);
    expect(element.querySelector('[data-testid="users-table"]')).not.toBeNull();
    expect(backend.match((request) => request.url === '/api/v1/users').length).toBe(1);
  });

  it('shows the forbidden page to a doctor at the users address', async () => {
    const { element } = await visit('/users', Role.Doctor);
    expect(element.querySelector('[data-testid="forbidden-page"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="users-table"]')).toBeNull();
  });

  it('keeps the audit log for superadmins', async () => {
    const { element } = await visit('/audit-log', Role.Admin);
    expect(element.querySelector('[data-testid="forbidden-page"]')).not.toBeNull();
  });

  it('shows the not-found page for unknown addresses', async () => {
    const { element } = await visit('/agenda/no-such-thing', Role.Receptionist);
    expect(element.querySelector('[data-testid="not-found-page"]')).not.toBeNull();
  });
});
