import {
  ALL_ROLES,
  BILLING_ROLES,
  Role,
  STAFF_ROLES,
  USER_MANAGER_ROLES,
} from '@consultorio/shared/contracts';
import type { TranslationKey } from '@consultorio/console/core';

/** One module of the console in the side navigation. */
export interface NavigationItem {
  path: string;
  label: TranslationKey;
  /** What the module is for, shown on the home page. */
  description?: TranslationKey;
  /** Material Symbols name. */
  icon: string;
  /** Roles that may open it (the route guards use the same lists). */
  roles: readonly Role[];
}

/** Roles that may open the audit log. */
export const AUDIT_LOG_ROLES: readonly Role[] = [Role.Superadmin];

/** Roles that may open the outbox (the API answers only them). */
export const OUTBOX_ROLES: readonly Role[] = [Role.Superadmin, Role.Admin];

/** Roles that may open the agenda (doctors see only their own: the API filters). */
export const AGENDA_ROLES: readonly Role[] = STAFF_ROLES;

/** Roles that may open patient records (the API keeps them for the front office). */
export const PATIENT_ROLES: readonly Role[] = [Role.Superadmin, Role.Admin, Role.Receptionist];

/** Roles that may open doctors, schedules and holidays (only admins change them: the API refuses others). */
export const DOCTOR_ROLES: readonly Role[] = STAFF_ROLES;

/**
 * Roles that may open the cash register: the front desk and admins work its drawers; doctors open
 * their own production there (`/cash` takes them to it; each page guards its own roles).
 */
export const CASH_ROLES: readonly Role[] = [...BILLING_ROLES, Role.Doctor];

/** The modules that exist today, in menu order. */
export const NAVIGATION: readonly NavigationItem[] = [
  { path: '/', label: 'nav.home', icon: 'home', roles: ALL_ROLES },
  {
    path: '/agenda',
    label: 'nav.agenda',
    description: 'home.agendaText',
    icon: 'calendar_month',
    roles: AGENDA_ROLES,
  },
  {
    path: '/patients',
    label: 'nav.patients',
    description: 'home.patientsText',
    icon: 'groups',
    roles: PATIENT_ROLES,
  },
  {
    path: '/doctors',
    label: 'nav.doctors',
    description: 'home.doctorsText',
    icon: 'stethoscope',
    roles: DOCTOR_ROLES,
  },
  {
    path: '/billing',
    label: 'nav.billing',
    description: 'home.billingText',
    icon: 'receipt_long',
    roles: BILLING_ROLES,
  },
  {
    path: '/cash',
    label: 'nav.cash',
    description: 'home.cashText',
    icon: 'point_of_sale',
    roles: BILLING_ROLES,
  },
  // A doctor has no drawer: the cash register opens on their own production (and says nothing of
  // drawers on the home page).
  { path: '/cash/production', label: 'nav.cash', icon: 'monitoring', roles: [Role.Doctor] },
  {
    path: '/users',
    label: 'nav.users',
    description: 'home.usersText',
    icon: 'group',
    roles: USER_MANAGER_ROLES,
  },
  {
    path: '/audit-log',
    label: 'nav.auditLog',
    description: 'home.auditLogText',
    icon: 'manage_search',
    roles: AUDIT_LOG_ROLES,
  },
  {
    path: '/outbox',
    label: 'nav.outbox',
    description: 'home.outboxText',
    icon: 'outgoing_mail',
    roles: OUTBOX_ROLES,
  },
  {
    path: '/settings',
    label: 'nav.settings',
    description: 'home.settingsText',
    icon: 'settings',
    // Admins edit the clinic settings and catalogs; other staff look the catalogs up.
    roles: STAFF_ROLES,
  },
];

/** The modules a role may open. */
export function navigationFor(role: Role | null): NavigationItem[] {
  return role ? NAVIGATION.filter((item) => item.roles.includes(role)) : [];
}
