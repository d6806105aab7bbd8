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

/** One ability of a role: a stable key (for programs and translations) and an English description. */
export interface Permission {
  key: string;
  description: string;
}

export interface RoleDefinition {
  role: Role;
  permissions: readonly Permission[];
}

const can = (key: string, description: string): Permission => ({ key, description });

/** What each role may do. Served by `GET /api/v1/roles`; the console shows it translated by key. */
export const ROLE_DEFINITIONS: readonly RoleDefinition[] = [
  {
    role: Role.Superadmin,
    permissions: [
      can('admin.all', 'everything an admin can do'),
      can('users.manage-all', 'manage every user, including superadmins'),
      can('system.configure', 'system configuration'),
      can('audit.read', 'read the audit log'),
      can('system.backup', 'backup and restore'),
    ],
  },
  {
    role: Role.Admin,
    permissions: [
      can('clinic.run', 'run the clinic: patients, doctors, schedules, all appointments'),
      can('clinic.business', 'billing, inventory, marketing and reports'),
      can('catalogs.configure', 'catalog configuration'),
      can('users.manage-staff', 'manage users that are not superadmins'),
    ],
  },
  {
    role: Role.Receptionist,
    permissions: [
      can('appointments.all', 'patients and all appointments'),
      can('billing.front-desk', 'invoices, payments and the cash register'),
      can('chat.use', 'chat'),
      can('reports.today', 'reports of the day only'),
    ],
  },
  {
    role: Role.Doctor,
    permissions: [
      can('appointments.own-agenda', 'own agenda and appointments'),
      can('patients.treated', 'patients they treat, including clinical notes'),
      can('reports.own-productivity', 'own productivity'),
      can('chat.use', 'chat'),
    ],
  },
  {
    role: Role.Patient,
    permissions: [
      can('appointments.own', 'own appointments'),
      can('appointments.book-online', 'book online'),
      can('appointments.move-own', 'move or cancel own appointments up to the policy limit'),
    ],
  },
];

/** Whether `actor` may create, change or deactivate a user holding `target`. */
export function canManageRole(actor: Role, target: Role): boolean {
  if (actor === Role.Superadmin) return true;
  if (actor === Role.Admin) return target !== Role.Superadmin;
  return false;
}
