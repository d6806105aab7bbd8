import { Routes } from '@angular/router';

/** `/outbox`: every outgoing message, its delivery and the mail as it was received. */
export const outboxRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./outbox-page/outbox-page.component').then((m) => m.OutboxPageComponent),
  },
];
