import { Routes } from '@angular/router';
import { authGuard, roleGuard } from '@consultorio/console/core';
import {
  AGENDA_ROLES,
  AUDIT_LOG_ROLES,
  CASH_ROLES,
  DOCTOR_ROLES,
  OUTBOX_ROLES,
  PATIENT_ROLES,
  ShellLayoutComponent,
  loginRoute,
  notFoundRoute,
  passwordResetRoutes,
  shellPageRoutes,
} from '@consultorio/console/shell';
import { BILLING_ROLES, STAFF_ROLES, USER_MANAGER_ROLES } from '@consultorio/shared/contracts';

export const appRoutes: Routes = [
  loginRoute,
  ...passwordResetRoutes,
  {
    path: '',
    component: ShellLayoutComponent,
    canActivate: [authGuard],
    children: [
      ...shellPageRoutes,
      {
        path: 'agenda',
        title: 'nav.agenda',
        canActivate: [roleGuard(...AGENDA_ROLES)],
        loadChildren: () => import('@consultorio/console/agenda').then((m) => m.agendaRoutes),
      },
      {
        path: 'patients',
        title: 'nav.patients',
        canActivate: [roleGuard(...PATIENT_ROLES)],
        loadChildren: () => import('@consultorio/console/patients').then((m) => m.patientsRoutes),
      },
      {
        path: 'doctors',
        title: 'nav.doctors',
        canActivate: [roleGuard(...DOCTOR_ROLES)],
        loadChildren: () => import('@consultorio/console/staff').then((m) => m.staffRoutes),
      },
      {
        path: 'billing',
        title: 'nav.billing',
        canActivate: [roleGuard(...BILLING_ROLES)],
        loadChildren: () => import('@consultorio/console/billing').then((m) => m.billingRoutes),
      },
      {
        path: 'cash',
        title: 'nav.cash',
        canActivate: [roleGuard(...CASH_ROLES)],
        loadChildren: () => import('@consultorio/console/cash').then((m) => m.cashRoutes),
      },
      {
        path: 'users',
        title: 'nav.users',
        canActivate: [roleGuard(...USER_MANAGER_ROLES)],
        loadChildren: () => import('@consultorio/console/users').then((m) => m.usersRoutes),
      },
      {
        path: 'audit-log',
        title: 'nav.auditLog',
        canActivate: [roleGuard(...AUDIT_LOG_ROLES)],
        loadChildren: () => import('@consultorio/console/users').then((m) => m.auditLogRoutes),
      },
      {
        path: 'outbox',
        title: 'nav.outbox',
        canActivate: [roleGuard(...OUTBOX_ROLES)],
        loadChildren: () => import('@consultorio/console/outbox').then((m) => m.outboxRoutes),
      },
      {
        path: 'settings',
        title: 'nav.settings',
        canActivate: [roleGuard(...STAFF_ROLES)],
        loadChildren: () => import('@consultorio/console/settings').then((m) => m.settingsRoutes),
      },
      notFoundRoute,
    ],
  },
];
