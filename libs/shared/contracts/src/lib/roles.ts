/** Every role a console user can hold. Integrators use API keys with scopes instead. */
export enum Role {
  Superadmin = 'superadmin',
  Admin = 'admin',
  Receptionist = 'receptionist',
  Doctor = 'doctor',
  Patient = 'patient',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Roles that work inside the clinic (everyone but patients). */
export const STAFF_ROLES: readonly Role[] = [Role.Superadmin, Role.Admin, Role.Receptionist, Role.Doctor];

/** Roles that may manage users (admins only manage non-superadmins). */
export const USER_MANAGER_ROLES: readonly Role[] = [Role.Superadmin, Role.Admin];

export interface RoleDefinition {
  role: Role;
  /** What this role may do, one sentence per ability (English; the console translates by key). */
  permissions: readonly string[];
}

/** What each role may do. Served by `GET /api/v1/roles` and used by the console to build its navigation. */
export const ROLE_DEFINITIONS: readonly RoleDefinition[] = [
  {
    role: Role.Superadmin,
    permissions: [
      'everything an admin can do',
      'manage every user, including superadmins',
      'system configuration',
      'read the audit log',
      'backup and restore',
    ],
  },
  {
    role: Role.Admin,
    permissions: [
      'run the clinic: patients, doctors, schedules, all appointments',
      'billing, inventory, marketing and reports',
      'catalog configuration',
      'manage users that are not superadmins',
    ],
  },
  {
    role: Role.Receptionist,
    permissions: [
      'patients and all appointments',
      'invoices, payments and the cash register',
      'chat',
      'reports of the day only',
    ],
  },
  {
    role: Role.Doctor,
    permissions: [
      'own agenda and appointments',
      'patients they treat, including clinical notes',
      'own productivity',
      'chat',
    ],
  },
  {
    role: Role.Patient,
    permissions: [
      'own appointments',
      'book online',
      'move or cancel own appointments up to the policy limit',
    ],
  },
];

/** Whether `actor` may create, change or deactivate a user holding `target`. */
export function canManageRole(actor: Role, target: Role): boolean {
  if (actor === Role.Superadmin) return true;
  if (actor === Role.Admin) return target !== Role.Superadmin;
  return false;
}
