import { Routes } from '@angular/router';

/** `/users`: user administration. */
export const usersRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./users-page/users-page.component').then((m) => m.UsersPageComponent),
  },
];

/** `/audit-log`: the audit log. */
export const auditLogRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./audit-log/audit-log-page.component').then((m) => m.AuditLogPageComponent),
  },
];
