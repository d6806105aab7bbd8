import { Role } from '@consultorio/shared/contracts';

/** Roles the API lets change doctors, schedules and holidays; other staff only read them. */
export const STAFF_EDITOR_ROLES: readonly Role[] = [Role.Superadmin, Role.Admin];
