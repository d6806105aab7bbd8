import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsAllowedPassword } from './auth.dto';
import { Language } from './language';
import { PageQueryDto } from './pagination.dto';
import { Role } from './roles';

const USERNAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUserDto {
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  /** Letters, digits, `.`, `_` or `-`; 3–40 characters. */
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(40)
  @Matches(USERNAME_PATTERN, { message: 'username may only contain letters, digits, ".", "_" and "-"' })
  username!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  fullName!: string;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(30)
  phone?: string | null;

  @IsEnum(Role)
  role!: Role;

  @IsOptional()
  @IsEnum(Language)
  preferredLanguage?: Language;

  /** At least 10 characters; not the e-mail or username. */
  @IsString()
  @IsAllowedPassword(['email', 'username'])
  password!: string;
}

export class UpdateUserDto {
  @IsOptional()
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(40)
  @Matches(USERNAME_PATTERN, { message: 'username may only contain letters, digits, ".", "_" and "-"' })
  username?: string;

  @IsOptional()
  @Transform(trim)
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
  @IsEnum(Role)
  role?: Role;

  @IsOptional()
  @IsEnum(Language)
  preferredLanguage?: Language;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /** Sets a new password (ends the user's sessions). */
  @IsOptional()
  @IsString()
  @IsAllowedPassword(['email', 'username'])
  password?: string;
}

export const USER_SORT_FIELDS = [
  'fullName',
  'email',
  'username',
  'role',
  'createdAt',
  'lastLoginAt',
] as const;

export class UserQueryDto extends PageQueryDto {
  /** Matches e-mail, username or full name (case- and accent-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  /** `true` or `false`. */
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}

export class UserDto {
  id!: string;
  email!: string;
  username!: string;
  fullName!: string;
  phone!: string | null;
  role!: Role;
  active!: boolean;
  preferredLanguage!: Language;
  lastLoginAt!: string | null;
  createdAt!: string;
  updatedAt!: string;
}

export class UserPageDto {
  @Type(() => UserDto)
  items!: UserDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}

export class PermissionDto {
  /** Stable identifier, e.g. `audit.read`. */
  key!: string;
  /** English description. */
  description!: string;
}

export class RoleDto {
  role!: Role;
  @Type(() => PermissionDto)
  permissions!: PermissionDto[];
}
