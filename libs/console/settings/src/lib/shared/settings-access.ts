import { Role } from '@consultorio/shared/contracts';

/** Roles that change the clinic settings and the catalogs; other staff only read the catalogs. */
export const SETTINGS_EDITOR_ROLES: readonly Role[] = [Role.Superadmin, Role.Admin];
