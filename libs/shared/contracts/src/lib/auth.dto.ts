import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  registerDecorator,
} from 'class-validator';
import type { ValidationArguments, ValidationOptions } from 'class-validator';
import { Language } from './language';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from './password';
import type { UserDto } from './users.dto';

/**
 * Validates a password against the shared rules; the sibling properties named in `identityFields`
 * (e.g. `email`, `username`) must not be the password.
 */
export function IsAllowedPassword(identityFields: string[] = [], options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAllowedPassword',
      target: target.constructor,
      propertyName,
      options: {
        message: (args: ValidationArguments) => {
          const identity = pickIdentity(args.object, identityFields);
          const problems = typeof args.value === 'string' ? passwordProblems(args.value, identity) : [];
          if (problems.includes('sameAsIdentity'))
            return `${args.property} must not be the e-mail or username`;
          return `${args.property} must be between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters`;
        },
        ...options,
      },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          if (typeof value !== 'string') return false;
          return passwordProblems(value, pickIdentity(args.object, identityFields)).length === 0;
        },
      },
    });
}

function pickIdentity(object: object, fields: string[]) {
  const record = object as Record<string, unknown>;
  const values = fields
    .map((field) => record[field])
    .filter((value): value is string => typeof value === 'string');
  return { email: values[0], username: values[1] };
}

export class LoginDto {
  /** E-mail or username. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  login!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class RefreshDto {
  /** The refresh token received at login or at the previous refresh. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refresh_token!: string;
}

export class ChangePasswordDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  /** At least 10 characters; not the e-mail or username. */
  @IsString()
  @IsAllowedPassword()
  newPassword!: string;
}

/** Asks for a link to choose a new password (`POST /auth/password-reset`). */
export class RequestPasswordResetDto {
  /** The account's e-mail address. */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsNotEmpty()
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

/** Answer of a password-reset request: the same whether or not the address has an account. */
export class PasswordResetRequestedDto {
  /** Always `If the address belongs to an active account, a link to choose a new password is on its way.` */
  message!: string;
  /** Minutes the link stays valid. */
  expiresInMinutes!: number;
}

/** Chooses a new password with the token of a reset link (`POST /auth/password-reset/confirm`). */
export class ConfirmPasswordResetDto {
  /** The `token` parameter of the link in the e-mail. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  token!: string;

  /** At least 10 characters; not the account's e-mail or username. */
  @IsString()
  @IsAllowedPassword()
  newPassword!: string;
}

export class UpdateProfileDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  fullName?: string;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(30)
  phone?: string | null;

  @IsOptional()
  @IsEnum(Language)
  preferredLanguage?: Language;
}

/** Answer of login and refresh. */
export class TokenResponseDto {
  /** Short-lived JWT to send as `Authorization: Bearer <token>`. */
  access_token!: string;
  /** Always `Bearer`. */
  token_type!: 'Bearer';
  /** Seconds until the access token expires. */
  expires_in!: number;
  /** Opaque, single-use token for `POST /auth/refresh`; rotated on every refresh. */
  refresh_token!: string;
  /** Seconds until the refresh token expires. */
  refresh_expires_in!: number;
  user!: UserDto;
}
