import type { CreateUserDto, Language, Role, UpdateUserDto, UserDto } from '@consultorio/shared/contracts';

/** What the user dialog's form holds; text fields are never `null` while editing. */
export interface UserFormValue {
  fullName: string;
  email: string;
  username: string;
  phone: string;
  role: Role;
  preferredLanguage: Language;
  password: string;
}

export function formValueOf(user: UserDto): UserFormValue {
  return {
    fullName: user.fullName,
    email: user.email,
    username: user.username,
    phone: user.phone ?? '',
    role: user.role,
    preferredLanguage: user.preferredLanguage,
    password: '',
  };
}

/** The body of `POST /users`. */
export function toCreateUser(value: UserFormValue): CreateUserDto {
  return {
    fullName: value.fullName.trim(),
    email: value.email.trim(),
    username: value.username.trim(),
    phone: value.phone.trim() || null,
    role: value.role,
    preferredLanguage: value.preferredLanguage,
    password: value.password,
  };
}

/** Every field as `PATCH /users/{id}` would take it; an empty password means "keep it". */
export function toUpdateUser(value: UserFormValue): UpdateUserDto {
  const { password, ...rest } = toCreateUser(value);
  return password ? { ...rest, password } : rest;
}

/** The body of `PATCH /users/{id}`: only what changed, so concurrent edits of other fields survive. */
export function userChanges(original: UserDto, value: UserFormValue): UpdateUserDto {
  const next = toUpdateUser(value);
  const changes: UpdateUserDto = {};
  const before = toUpdateUser(formValueOf(original));
  for (const key of Object.keys(next) as (keyof UpdateUserDto)[]) {
    if (next[key] !== before[key]) Object.assign(changes, { [key]: next[key] });
  }
  return changes;
}
