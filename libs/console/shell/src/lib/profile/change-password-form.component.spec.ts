import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthStore, provideConsoleCore } from '@consultorio/console/core';
import { Language, Role } from '@consultorio/shared/contracts';
import { ChangePasswordFormComponent } from './change-password-form.component';

/** Lets code awaiting an HTTP answer continue, then waits for the view to update. */
async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe('ChangePasswordFormComponent', () => {
  let fixture: ComponentFixture<ChangePasswordFormComponent>;
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideConsoleCore(), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.inject(AuthStore).start({
      access_token: 'access',
      token_type: 'Bearer',
      expires_in: 900,
      refresh_token: 'refresh',
      refresh_expires_in: 86400,
      user: {
        id: 'u-1',
        email: 'rocio@clinica.pe',
        username: 'rocio.recepcion',
        fullName: 'Rocío Recepción',
        phone: null,
        role: Role.Receptionist,
        active: true,
        preferredLanguage: Language.Es,
        lastLoginAt: null,
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-01T00:00:00Z',
      },
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ChangePasswordFormComponent);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  function type(name: string, value: string): void {
    const input = fixture.nativeElement.querySelector(`[formcontrolname="${name}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    (fixture.nativeElement.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  }

  function errors(): string[] {
    return [...fixture.nativeElement.querySelectorAll('mat-error')].map((error) => error.textContent.trim());
  }

  it('refuses the user’s own username as the new password, and a repetition that differs', async () => {
    type('currentPassword', 'consultorio-demo');
    type('newPassword', 'Rocio.Recepcion');
    type('confirmPassword', 'otra-cosa-distinta');
    await submit();

    backend.expectNone('/api/v1/auth/password');
    expect(errors()).toEqual([
      'La contraseña no puede ser el correo ni el nombre de usuario.',
      'Las contraseñas no coinciden.',
    ]);
  });

  it('shows the API’s “wrong current password” under that field', async () => {
    type('currentPassword', 'not-my-password');
    type('newPassword', 'una-clave-nueva-2026');
    type('confirmPassword', 'una-clave-nueva-2026');
    await submit();

    const request = backend.expectOne('/api/v1/auth/password');
    expect(request.request.body).toEqual({
      currentPassword: 'not-my-password',
      newPassword: 'una-clave-nueva-2026',
    });
    request.flush(
      {
        title: 'Unprocessable Entity',
        status: 422,
        errors: [{ field: 'currentPassword', code: 'wrongPassword', message: 'currentPassword is wrong' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);

    expect(errors()).toEqual(['La contraseña actual no es correcta.']);
  });
});
