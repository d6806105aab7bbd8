import type { UserDto } from '@consultorio/shared/contracts';
import type { UserEntity } from './user.entity';

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    fullName: user.fullName,
    phone: user.phone,
    role: user.role,
    active: user.active,
    preferredLanguage: user.preferredLanguage,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/** Fields whose changes the audit log records. */
export const AUDITED_USER_FIELDS: (keyof UserEntity & string)[] = [
  'email',
  'username',
  'fullName',
  'phone',
  'role',
  'active',
  'preferredLanguage',
  'passwordHash',
];
