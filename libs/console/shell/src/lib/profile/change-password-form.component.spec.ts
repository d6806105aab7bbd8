import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { Role } from '@consultorio/shared/contracts';
import { ChangePasswordFormComponent } from './change-password-form.component';

describe('ChangePasswordFormComponent', () => {
  let fixture: ComponentFixture<ChangePasswordFormComponent>;
  let backend: HttpTestingController;

  beforeEach(async () => {
    backend = setUpConsoleTest({
      signedInAs: testUser({
        email: 'rocio@clinica.pe',
        username: 'rocio.recepcion',
        fullName: 'Rocío Recepción',
        role: Role.Receptionist,
      }),
    });
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
