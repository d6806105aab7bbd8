import { Routes } from '@angular/router';
import { provideFeatureTexts } from '@consultorio/console/core';
import { USERS_TEXTS } from './i18n/users-texts';

/** `/users`: user administration. */
export const usersRoutes: Routes = [
  {
    path: '',
    providers: [provideFeatureTexts(USERS_TEXTS)],
    loadComponent: () => import('./users-page/users-page.component').then((m) => m.UsersPageComponent),
  },
];

/** `/audit-log`: the audit log. */
export const auditLogRoutes: Routes = [
  {
    path: '',
    providers: [provideFeatureTexts(USERS_TEXTS)],
    loadComponent: () => import('./audit-log/audit-log-page.component').then((m) => m.AuditLogPageComponent),
  },
];
