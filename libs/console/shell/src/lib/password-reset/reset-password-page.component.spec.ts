import { HttpTestingController } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthStore } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { ResetPasswordPageComponent } from './reset-password-page.component';

@Component({ template: '<p>login</p>', changeDetection: ChangeDetectionStrategy.OnPush })
class LoginStub {}

describe('ResetPasswordPageComponent', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(url: string, signedIn = false): Promise<void> {
    backend = setUpConsoleTest({
      routes: [
        { path: 'reset-password', component: ResetPasswordPageComponent },
        { path: 'login', component: LoginStub },
        { path: 'forgot-password', component: LoginStub },
      ],
      signedInAs: signedIn ? testUser() : undefined,
    });
    harness = await RouterTestingHarness.create(url);
  }

  afterEach(() => backend.verify());

  const page = () => harness.fixture.nativeElement as HTMLElement;
  const errors = () =>
    [...page().querySelectorAll('mat-error')].map((error) => error.textContent!.trim()).filter(Boolean);

  async function type(testId: string, value: string): Promise<void> {
    const input = page().querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
  }

  async function submit(): Promise<void> {
    page().querySelector('form')!.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
  }

  it('checks the new password and its repetition as the user types', async () => {
    await open('/reset-password?token=abc');
    await type('new-password-input', 'corta');
    expect(errors()).toEqual(['La contraseña debe tener entre 10 y 128 caracteres.']);

    await type('new-password-input', 'una-clave-nueva-2026');
    await type('confirm-password-input', 'una-clave-nueva-2025');
    expect(errors()).toEqual(['Las contraseñas no coinciden.']);

    await submit();
    backend.expectNone('/api/v1/auth/password-reset/confirm');
  });

  it('sends the token with the new password, ends this browser’s session and goes to the login page', async () => {
    await open('/reset-password?token=abc', true);
    await type('new-password-input', 'una-clave-nueva-2026');
    await type('confirm-password-input', 'una-clave-nueva-2026');
    await submit();

    const request = backend.expectOne('/api/v1/auth/password-reset/confirm');
    expect(request.request.body).toEqual({ token: 'abc', newPassword: 'una-clave-nueva-2026' });
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush(null, { status: 204, statusText: 'No Content' });
    await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe('/login?passwordChanged=1'));
    expect(TestBed.inject(AuthStore).isAuthenticated()).toBe(false);
  });

  it('shows the API’s refusal of the account’s own e-mail under the field', async () => {
    await open('/reset-password?token=abc');
    await type('new-password-input', 'rocio@clinica.pe');
    await type('confirm-password-input', 'rocio@clinica.pe');
    await submit();

    backend.expectOne('/api/v1/auth/password-reset/confirm').flush(
      {
        type: 'urn:consultorio:problem:password-rules',
        title: 'Unprocessable Content',
        status: 422,
        errors: [{ field: 'newPassword', code: 'isAllowedPassword', message: 'newPassword must not be…' }],
      },
      { status: 422, statusText: 'Unprocessable Content' },
    );
    await settle(harness.fixture);

    expect(errors()).toEqual(['La contraseña no puede ser el correo ni el nombre de usuario.']);
  });

  it('explains a link that expired or was used, and offers a new one', async () => {
    await open('/reset-password?token=used');
    await type('new-password-input', 'una-clave-nueva-2026');
    await type('confirm-password-input', 'una-clave-nueva-2026');
    await submit();

    backend
      .expectOne('/api/v1/auth/password-reset/confirm')
      .flush(
        { type: 'urn:consultorio:problem:invalid-reset-token', title: 'Unprocessable Content', status: 422 },
        { status: 422, statusText: 'Unprocessable Content' },
      );
    await settle(harness.fixture);

    expect(page().querySelector('[data-testid="reset-link-invalid"]')?.textContent).toContain(
      'Este enlace no es válido',
    );
    expect(page().querySelector('form')).toBeNull();
    expect(page().querySelector('[data-testid="request-new-link"]')?.getAttribute('href')).toBe(
      '/forgot-password',
    );
  });

  it('says at once that a link without a token cannot be used', async () => {
    await open('/reset-password');
    expect(page().querySelector('[data-testid="reset-link-invalid"]')).not.toBeNull();
    expect(page().querySelector('[data-testid="new-password-input"]')).toBeNull();
  });
});
