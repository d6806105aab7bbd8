import { Routes } from '@angular/router';
import { AgendaCatalog } from './shared/agenda-catalog';

/** `/agenda`: the calendars, and `/agenda/today` for the front desk's day. */
export const agendaRoutes: Routes = [
  {
    path: '',
    providers: [AgendaCatalog],
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
