import { inject } from '@angular/core';
import { Router, type CanActivateFn, type Routes } from '@angular/router';
import { AuthStore, provideFeatureTexts, roleGuard } from '@consultorio/console/core';
import { Role } from '@consultorio/shared/contracts';
import { rolesOf } from './cash-pages';
import { CASH_TEXTS } from './i18n/cash-texts';

/** Doctors have no drawer: `/cash` takes them to their production. */
const dayGuard: CanActivateFn = (route, state) =>
  inject(AuthStore).role() === Role.Doctor
    ? inject(Router).createUrlTree(['/cash/production'])
    : roleGuard(...rolesOf(''))(route, state);

/**
 * `/cash`: the cash register's day (entries, totals, the close), its closes, the monthly report
 * and doctor production.
 */
export const cashRoutes: Routes = [
  {
    path: '',
    providers: [provideFeatureTexts(CASH_TEXTS)],
    loadComponent: () => import('./cash-layout/cash-layout.component').then((m) => m.CashLayoutComponent),
    children: [
      {
        path: '',
        pathMatch: 'full',
        canActivate: [dayGuard],
        loadComponent: () => import('./day-page/day-page.component').then((m) => m.DayPageComponent),
      },
      {
        path: 'closes',
        title: 'cash.closes.title',
        canActivate: [roleGuard(...rolesOf('closes'))],
        loadComponent: () => import('./closes-page/closes-page.component').then((m) => m.ClosesPageComponent),
      },
      {
        path: 'monthly',
        title: 'cash.monthly.title',
        canActivate: [roleGuard(...rolesOf('monthly'))],
        loadComponent: () =>
          import('./monthly-page/monthly-page.component').then((m) => m.MonthlyPageComponent),
      },
      {
        path: 'production',
        title: 'cash.production.title',
        canActivate: [roleGuard(...rolesOf('production'))],
        loadComponent: () =>
          import('./production-page/production-page.component').then((m) => m.ProductionPageComponent),
      },
    ],
  },
];
