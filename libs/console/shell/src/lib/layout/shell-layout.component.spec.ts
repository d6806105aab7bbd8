import { HttpTestingController } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { ConnectionState } from '@consultorio/console/core';
import { setUpConsoleTest, testUser } from '@consultorio/console/core/testing';
import { Language, Role, type UserDto } from '@consultorio/shared/contracts';
import { ShellLayoutComponent } from './shell-layout.component';

@Component({ template: '<p>page</p>', changeDetection: ChangeDetectionStrategy.OnPush })
class PageStub {}

function user(role: Role): UserDto {
  return testUser({
    id: `id-${role}`,
    email: `${role}@consultorio.test`,
    username: role,
    fullName: `Demo ${role}`,
    role,
  });
}

async function renderShellAs(role: Role) {
  const backend = setUpConsoleTest({
    routes: [{ path: '', component: ShellLayoutComponent, children: [{ path: '**', component: PageStub }] }],
    signedInAs: user(role),
  });
  const harness = await RouterTestingHarness.create('/');
  // The layout reloads the profile on start.
  backend.expectOne('/api/v1/auth/profile').flush(user(role));
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
    [
      Role.Superadmin,
      [
        'Inicio',
        'Agenda',
        'Pacientes',
        'Médicos',
        'Facturación',
        'Caja',
        'Usuarios',
        'Auditoría',
        'Bandeja de salida',
        'Configuración',
      ],
    ],
    [
      Role.Admin,
      [
        'Inicio',
        'Agenda',
        'Pacientes',
        'Médicos',
        'Facturación',
        'Caja',
        'Usuarios',
        'Bandeja de salida',
        'Configuración',
      ],
    ],
    [Role.Receptionist, ['Inicio', 'Agenda', 'Pacientes', 'Médicos', 'Facturación', 'Caja', 'Configuración']],
    [Role.Doctor, ['Inicio', 'Agenda', 'Médicos', 'Caja', 'Configuración']],
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
    // The English texts are fetched on first use.
    await vi.waitFor(() => expect(document.documentElement.lang).toBe('en'), { timeout: 5_000 });
    await harness.fixture.whenStable();

    expect(navigationLabels(frame)).toEqual([
      'Home',
      'Agenda',
      'Patients',
      'Doctors',
      'Billing',
      'Cash register',
      'Users',
      'Outbox',
      'Settings',
    ]);
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
