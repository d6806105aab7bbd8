import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthStore, ConnectionState, provideConsoleCore } from '@consultorio/console/core';
import { Language, Role, type UserDto } from '@consultorio/shared/contracts';
import { ShellLayoutComponent } from './shell-layout.component';

@Component({ template: '<p>page</p>', changeDetection: ChangeDetectionStrategy.OnPush })
class PageStub {}

function user(role: Role): UserDto {
  return {
    id: `id-${role}`,
    email: `${role}@consultorio.test`,
    username: role,
    fullName: `Demo ${role}`,
    phone: null,
    role,
    active: true,
    preferredLanguage: Language.Es,
    lastLoginAt: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

async function renderShellAs(role: Role) {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideConsoleCore(),
      provideHttpClientTesting(),
      provideRouter([
        { path: '', component: ShellLayoutComponent, children: [{ path: '**', component: PageStub }] },
      ]),
    ],
  });
  TestBed.inject(AuthStore).start({
    access_token: 'access',
    token_type: 'Bearer',
    expires_in: 900,
    refresh_token: 'refresh',
    refresh_expires_in: 86400,
    user: user(role),
  });
  const harness = await RouterTestingHarness.create('/');
  // The layout reloads the profile on start.
  TestBed.inject(HttpTestingController).expectOne('/api/v1/auth/profile').flush(user(role));
  await harness.fixture.whenStable();
  return harness;
}

function navigationLabels(element: HTMLElement): string[] {
  return [...element.querySelectorAll('[data-testid="navigation"] [matListItemTitle]')].map((item) =>
    (item.textContent ?? '').trim(),
  );
}

describe('ShellLayoutComponent', () => {
  const expected: [Role, string[]][] = [
    [Role.Superadmin, ['Inicio', 'Usuarios', 'Auditoría']],
    [Role.Admin, ['Inicio', 'Usuarios']],
    [Role.Receptionist, ['Inicio']],
    [Role.Doctor, ['Inicio']],
    [Role.Patient, ['Inicio']],
  ];

  for (const [role, labels] of expected) {
    it(`lists only the modules a ${role} may open`, async () => {
      const harness = await renderShellAs(role);
      expect(navigationLabels(harness.fixture.nativeElement)).toEqual(labels);
    });
  }

  it('switches the whole frame to English from the toolbar and saves it as the preferred language', async () => {
    const harness = await renderShellAs(Role.Admin);
    const frame = harness.fixture.nativeElement as HTMLElement;

    (frame.querySelector('[data-testid="language-menu"]') as HTMLButtonElement).click();
    await harness.fixture.whenStable();
    (document.querySelector('[data-testid="language-en"]') as HTMLButtonElement).click();
    await harness.fixture.whenStable();

    expect(navigationLabels(frame)).toEqual(['Home', 'Users']);
    expect(document.documentElement.lang).toBe('en');
    const save = TestBed.inject(HttpTestingController).expectOne('/api/v1/auth/profile');
    expect(save.request.method).toBe('PUT');
    expect(save.request.body).toEqual({ preferredLanguage: 'en' });
    save.flush({ ...user(Role.Admin), preferredLanguage: Language.En });
  });

  it('shows the lost-connection page instead of the page while the server cannot be reached', async () => {
    const harness = await renderShellAs(Role.Doctor);
    TestBed.inject(ConnectionState).markLost();
    await harness.fixture.whenStable();

    const frame = harness.fixture.nativeElement as HTMLElement;
    expect(frame.querySelector('[data-testid="lost-connection-page"]')).not.toBeNull();
    expect(frame.textContent).toContain('Sin conexión con el servidor');
    expect((frame.querySelector('.page') as HTMLElement).hidden).toBe(true);
  });
});
