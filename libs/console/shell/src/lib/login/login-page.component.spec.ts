import { HttpTestingController } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthStore, I18n } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser, tokensFor } from '@consultorio/console/core/testing';
import { Language } from '@consultorio/shared/contracts';
import { LoginPageComponent } from './login-page.component';

@Component({ template: '<p>users</p>', changeDetection: ChangeDetectionStrategy.OnPush })
class UsersStub {}

function typeInto(fixture: ComponentFixture<unknown>, testId: string, value: string): void {
  const input = fixture.nativeElement.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

function text(fixture: ComponentFixture<unknown>, testId: string): string {
  return (fixture.nativeElement.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '').trim();
}

describe('LoginPageComponent', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(async () => {
    backend = setUpConsoleTest({
      routes: [
        { path: 'login', component: LoginPageComponent },
        { path: 'users', component: UsersStub },
      ],
    });
    harness = await RouterTestingHarness.create('/login?returnUrl=%2Fusers');
  });

  afterEach(() => backend.verify());

  async function submit(login: string, password: string) {
    typeInto(harness.fixture, 'login-input', login);
    typeInto(harness.fixture, 'password-input', password);
    (harness.fixture.nativeElement.querySelector('form') as HTMLFormElement).dispatchEvent(
      new Event('submit'),
    );
    await harness.fixture.whenStable();
  }

  it('asks for both fields before calling the API', async () => {
    await submit('', '');
    backend.expectNone('/api/v1/auth/login');
    expect(harness.fixture.nativeElement.textContent).toContain('Este campo es obligatorio.');
  });

  it('says the credentials are wrong on a 401', async () => {
    await submit('admin', 'not-the-password');
    const request = backend.expectOne('/api/v1/auth/login');
    expect(request.request.body).toEqual({ login: 'admin', password: 'not-the-password' });
    request.flush(
      { type: 'about:blank', title: 'Unauthorized', status: 401 },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle(harness.fixture);

    expect(text(harness.fixture, 'login-error')).toContain('El usuario o la contraseña no son correctos.');
    expect(TestBed.inject(AuthStore).isAuthenticated()).toBe(false);
  });

  it('asks to wait the seconds of Retry-After on a 429 and blocks the button meanwhile', async () => {
    await submit('admin', 'not-the-password');
    backend
      .expectOne('/api/v1/auth/login')
      .flush(
        { title: 'Too Many Requests', status: 429 },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '42' } },
      );
    await settle(harness.fixture);

    expect(text(harness.fixture, 'login-error')).toContain(
      'Demasiados intentos. Vuelve a intentarlo en 42 s.',
    );
    const button = harness.fixture.nativeElement.querySelector(
      '[data-testid="login-submit"]',
    ) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
  });

  it('links to the forgotten-password page', () => {
    const link = harness.fixture.nativeElement.querySelector(
      '[data-testid="forgot-password-link"]',
    ) as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/forgot-password');
    expect(link.textContent?.trim()).toBe('¿Olvidaste tu contraseña?');
  });

  it('signs in, applies the user’s language and goes back to where the user was heading', async () => {
    await submit('admin@consultorio.test', 'consultorio-demo');
    backend
      .expectOne('/api/v1/auth/login')
      .flush(tokensFor(testUser({ fullName: 'Andrés Administrador', preferredLanguage: Language.En })));
    // The English texts are fetched on first use; the page then goes on to where it was heading.
    await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe('/users'), { timeout: 5_000 });
    await settle(harness.fixture);

    expect(TestBed.inject(AuthStore).user()?.fullName).toBe('Andrés Administrador');
    expect(TestBed.inject(I18n).language()).toBe(Language.En);
  });
});
