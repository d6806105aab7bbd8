import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';
import { CreateUserDto, Language, Role } from '@consultorio/shared/contracts';
import { dtoValidator, validateWithDto } from './dto-validation';
import { FieldErrorPipe } from './field-error.pipe';
import { applyProblemErrors } from './problem-errors';

function userForm() {
  return new FormGroup(
    {
      email: new FormControl('ana@clinica.pe', { nonNullable: true }),
      username: new FormControl('ana', { nonNullable: true }),
      fullName: new FormControl('Ana Torres', { nonNullable: true }),
      role: new FormControl<Role>(Role.Doctor, { nonNullable: true }),
      preferredLanguage: new FormControl<Language>(Language.Es, { nonNullable: true }),
      password: new FormControl('una-clave-larga', { nonNullable: true }),
    },
    { validators: dtoValidator(CreateUserDto) },
  );
}

describe('DTO validation of forms', () => {
  let message: (errors: FormControl['errors'], field?: string) => string;

  beforeEach(() => {
    localStorage.clear();
    const pipe = TestBed.runInInjectionContext(() => new FieldErrorPipe());
    message = (errors, field) => pipe.transform(errors, field);
  });

  it('reports the failed rules of each field with their limits, as the API would', () => {
    const errors = validateWithDto(CreateUserDto, {
      email: 'no-es-correo',
      username: 'a',
      fullName: 'x'.repeat(121),
      role: 'nurse',
      password: 'corta',
    });
    expect(Object.keys(errors).sort()).toEqual(['email', 'fullName', 'password', 'role', 'username']);
    expect(errors['email']).toHaveProperty('isEmail');
    expect(errors['username']?.['minLength']?.['constraints']).toEqual([3]);
    expect(errors['fullName']?.['maxLength']?.['constraints']).toEqual([120]);
  });

  it('puts each failure on its control and clears it once fixed', () => {
    const form = userForm();
    expect(form.valid).toBe(true);

    form.controls.username.setValue('a b');
    expect(form.valid).toBe(false);
    expect(message(form.controls.username.errors, 'username')).toBe(
      'Usa letras, números, «.», «_» o «-», empezando por letra o número.',
    );
    expect(form.controls.email.errors).toBeNull();

    form.controls.username.setValue('ana.torres');
    expect(form.controls.username.errors).toBeNull();
    expect(form.valid).toBe(true);
  });

  it('re-checks cross-field rules when another field changes', () => {
    const form = userForm();
    form.controls.password.setValue('ana@clinica.pe');
    expect(message(form.controls.password.errors)).toBe(
      'La contraseña no puede ser el correo ni el nombre de usuario.',
    );

    form.controls.email.setValue('otra@clinica.pe');
    expect(form.controls.password.errors).toBeNull();
  });

  it('explains limits in the current language', () => {
    const form = userForm();
    form.controls.fullName.setValue('x'.repeat(121));
    expect(message(form.controls.fullName.errors)).toBe('Debe tener como máximo 120 caracteres.');
    form.controls.password.setValue('corta');
    expect(message(form.controls.password.errors)).toBe(
      'La contraseña debe tener entre 10 y 128 caracteres.',
    );
  });

  it('shows API field errors on their controls until that field is edited', () => {
    const form = userForm();
    const conflict = new HttpErrorResponse({
      status: 409,
      headers: new HttpHeaders({ 'Content-Type': 'application/problem+json' }),
      error: {
        type: 'urn:consultorio:problem:conflict',
        title: 'Conflict',
        status: 409,
        errors: [{ field: 'email', code: 'unique', message: 'email is already taken' }],
      },
    });

    expect(applyProblemErrors(form, conflict)).toBe(true);
    expect(message(form.controls.email.errors, 'email')).toBe('Ya existe un usuario con este correo.');

    form.controls.fullName.setValue('Ana María Torres');
    expect(form.controls.email.hasError('server')).toBe(true);

    form.controls.email.setValue('ana.maria@clinica.pe');
    expect(form.controls.email.errors).toBeNull();
    expect(form.valid).toBe(true);
  });
});
