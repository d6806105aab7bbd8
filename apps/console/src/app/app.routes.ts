import { Routes } from '@angular/router';
import { authGuard, roleGuard } from '@consultorio/console/core';
import {
  AUDIT_LOG_ROLES,
  ShellLayoutComponent,
  loginRoute,
  notFoundRoute,
  shellPageRoutes,
} from '@consultorio/console/shell';
import { STAFF_ROLES, USER_MANAGER_ROLES } from '@consultorio/shared/contracts';

export const appRoutes: Routes = [
  loginRoute,
  {
    path: '',
    component: ShellLayoutComponent,
    canActivate: [authGuard],
    children: [
      ...shellPageRoutes,
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
        path: 'settings',
        title: 'nav.settings',
        canActivate: [roleGuard(...STAFF_ROLES)],
        loadChildren: () => import('@consultorio/console/settings').then((m) => m.settingsRoutes),
      },
      notFoundRoute,
    ],
  },
];
