import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ChangePasswordDto } from './auth.dto';
import { PageQueryDto } from './pagination.dto';
import { CreateUserDto } from './users.dto';

const fieldsWithErrors = <T extends object>(type: new () => T, value: object) =>
  validateSync(plainToInstance(type, value) as object).map((error) => error.property);

const valid = {
  email: 'lucia@clinic.pe',
  username: 'lucia.f',
  fullName: 'Lucía Fernández',
  role: 'doctor',
  password: 'a-long-enough-secret',
};

describe('shared DTO rules (used by the API and by the console forms)', () => {
  it('accepts a valid user and trims text', () => {
    const dto = plainToInstance(CreateUserDto, { ...valid, email: '  lucia@clinic.pe ' });
    expect(validateSync(dto)).toEqual([]);
    expect(dto.email).toBe('lucia@clinic.pe');
  });

  it('names each invalid field', () => {
    expect(
      fieldsWithErrors(CreateUserDto, { ...valid, email: 'nope', username: 'a b', role: 'king' }).sort(),
    ).toEqual(['email', 'role', 'username']);
  });

  it('refuses a password equal to the e-mail or the username of the same form', () => {
    expect(fieldsWithErrors(CreateUserDto, { ...valid, password: 'LUCIA@clinic.pe' })).toEqual(['password']);
    expect(
      fieldsWithErrors(CreateUserDto, { ...valid, username: 'lucia.fernandez', password: 'lucia.fernandez' }),
    ).toEqual(['password']);
    expect(fieldsWithErrors(ChangePasswordDto, { currentPassword: 'x', newPassword: 'short' })).toEqual([
      'newPassword',
    ]);
  });

  it('bounds page and page size and converts query strings', () => {
    const page = plainToInstance(PageQueryDto, { page: '2', pageSize: '50' });
    expect(validateSync(page)).toEqual([]);
    expect(page).toMatchObject({ page: 2, pageSize: 50 });
    expect(fieldsWithErrors(PageQueryDto, { pageSize: '101' })).toEqual(['pageSize']);
    expect(fieldsWithErrors(PageQueryDto, { page: '0' })).toEqual(['page']);
    expect(fieldsWithErrors(PageQueryDto, { sort: 'name;drop' })).toEqual(['sort']);
  });
});
