import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { I18n } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { Language, Role, type UserDto } from '@consultorio/shared/contracts';
import { UserDialogComponent, UserDialogData } from './user-dialog.component';
import { USERS_TEXTS } from '../i18n/users-texts';

const DOCTOR: UserDto = testUser({
  id: 'u-doctor',
  email: 'daniela@clinica.pe',
  username: 'dnunez',
  fullName: 'Daniela Núñez',
  role: Role.Doctor,
});

describe('UserDialogComponent', () => {
  let fixture: ComponentFixture<UserDialogComponent>;
  let backend: HttpTestingController;
  let close: ReturnType<typeof vi.fn>;

  async function open(actor: Role, data: UserDialogData): Promise<void> {
    close = vi.fn();
    backend = setUpConsoleTest({
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
      signedInAs: { ...DOCTOR, id: 'u-actor', role: actor },
    });
    TestBed.inject(I18n).register(USERS_TEXTS);
    fixture = TestBed.createComponent(UserDialogComponent);
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  async function type(name: string, value: string): Promise<void> {
    const input = fixture.nativeElement.querySelector(`[formcontrolname="${name}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  function errorOf(name: string): string {
    const field = (fixture.nativeElement.querySelector(`[formcontrolname="${name}"]`) as HTMLElement).closest(
      'mat-form-field',
    );
    return (field?.querySelector('mat-error')?.textContent ?? '').trim();
  }

  async function save(): Promise<void> {
    (fixture.nativeElement.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  }

  it('shows the shared DTO rules under each field as the user types', async () => {
    await open(Role.Admin, { user: null });

    await type('email', 'daniela@');
    expect(errorOf('email')).toBe('Escribe un correo válido, por ejemplo nombre@clinica.com.');
    await type('username', 'dn');
    expect(errorOf('username')).toBe('Debe tener al menos 3 caracteres.');
    await type('username', 'd n');
    expect(errorOf('username')).toBe('Usa letras, números, «.», «_» o «-», empezando por letra o número.');
    await type('fullName', 'x'.repeat(121));
    expect(errorOf('fullName')).toBe('Debe tener como máximo 120 caracteres.');
    await type('password', 'corta');
    expect(errorOf('password')).toBe('La contraseña debe tener entre 10 y 128 caracteres.');

    await type('email', 'daniela@clinica.pe');
    await type('password', 'DANIELA@clinica.pe');
    expect(errorOf('email')).toBe('');
    expect(errorOf('password')).toBe('La contraseña no puede ser el correo ni el nombre de usuario.');

    await save();
    backend.expectNone('/api/v1/users');
  });

  it('offers an admin every role but superadmin', async () => {
    await open(Role.Admin, { user: null });
    (
      fixture.nativeElement.querySelector(
        '[data-testid="role-select"] .mat-mdc-select-trigger',
      ) as HTMLElement
    ).click();
    await fixture.whenStable();
    const options = [...document.querySelectorAll('mat-option')].map((option) => option.textContent?.trim());
    expect(options).toEqual(['Administrador', 'Recepcionista', 'Médico', 'Paciente']);
  });

  it('creates the user and puts the API’s duplicate e-mail answer on the e-mail field', async () => {
    await open(Role.Superadmin, { user: null });
    await type('fullName', 'Daniela Núñez');
    await type('email', 'daniela@clinica.pe');
    await type('username', 'dnunez');
    await type('password', 'una-clave-segura');
    await save();

    const request = backend.expectOne('/api/v1/users');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      fullName: 'Daniela Núñez',
      email: 'daniela@clinica.pe',
      username: 'dnunez',
      phone: null,
      role: Role.Receptionist,
      preferredLanguage: Language.Es,
      password: 'una-clave-segura',
    });
    request.flush(
      {
        status: 409,
        title: 'Conflict',
        errors: [{ field: 'email', code: 'unique', message: 'email is already taken' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);

    expect(errorOf('email')).toBe('Ya existe un usuario con este correo.');
    expect(close).not.toHaveBeenCalled();
  });

  it('sends only the changed fields when editing, and closes with the saved user', async () => {
    await open(Role.Admin, { user: DOCTOR });
    await type('phone', '+51 987 654 321');
    await save();

    const request = backend.expectOne(`/api/v1/users/${DOCTOR.id}`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ phone: '+51 987 654 321' });
    const saved = { ...DOCTOR, phone: '+51 987 654 321' };
    request.flush(saved);
    await settle(fixture);

    expect(close).toHaveBeenCalledWith(saved);
  });
});
