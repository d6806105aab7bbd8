import { inject } from '@angular/core';
import { Routes } from '@angular/router';
import { AuthStore, provideFeatureTexts, roleGuard } from '@consultorio/console/core';
import { CATALOGS } from './catalogs/catalog-definitions';
import { SETTINGS_TEXTS } from './i18n/settings-texts';
import { SETTINGS_EDITOR_ROLES } from './shared/settings-access';

const loadCatalogPage = () =>
  import('./catalogs/catalog-page/catalog-page.component').then((m) => m.CatalogPageComponent);

/**
 * `/settings`: the clinic's settings (`/settings/clinic`, admins) and one page per catalog
 * (`/settings/catalogs/treatments`…), which admins edit and other staff only read.
 */
export const settingsRoutes: Routes = [
  {
    path: '',
    providers: [provideFeatureTexts(SETTINGS_TEXTS)],
    loadComponent: () => import('./layout/settings-layout.component').then((m) => m.SettingsLayoutComponent),
    children: [
      {
        path: '',
        pathMatch: 'full',
        redirectTo: () => {
          const role = inject(AuthStore).role();
          return role && SETTINGS_EDITOR_ROLES.includes(role) ? 'clinic' : `catalogs/${CATALOGS[0].path}`;
        },
      },
      {
        path: 'clinic',
        title: 'clinicSettings.title',
        canActivate: [roleGuard(...SETTINGS_EDITOR_ROLES)],
        loadComponent: () =>
          import('./clinic/clinic-settings-page.component').then((m) => m.ClinicSettingsPageComponent),
      },
      {
        path: 'catalogs',
        pathMatch: 'full',
        redirectTo: `catalogs/${CATALOGS[0].path}`,
      },
      ...CATALOGS.map((catalog) => ({
        path: `catalogs/${catalog.path}`,
        title: catalog.title,
        data: { catalog: catalog.path },
        loadComponent: loadCatalogPage,
      })),
    ],
  },
];
