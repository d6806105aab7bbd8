import { Routes } from '@angular/router';
import { provideFeatureTexts } from '@consultorio/console/core';
import { AGENDA_TEXTS } from './i18n/agenda-texts';
import { AgendaCatalog } from './shared/agenda-catalog';

/** `/agenda`: the calendars, and `/agenda/today` for the front desk's day. */
export const agendaRoutes: Routes = [
  {
    path: '',
    providers: [provideFeatureTexts(AGENDA_TEXTS), AgendaCatalog],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () => import('./agenda-page/agenda-page.component').then((m) => m.AgendaPageComponent),
      },
      {
        path: 'today',
        title: 'frontDesk.title',
        loadComponent: () => import('./today/today-page.component').then((m) => m.TodayPageComponent),
      },
    ],
  },
];
