import { Routes } from '@angular/router';
import { provideFeatureTexts } from '@consultorio/console/core';
import { OUTBOX_TEXTS } from './i18n/outbox-texts';

/** `/outbox`: every outgoing message, its delivery and the mail as it was received. */
export const outboxRoutes: Routes = [
  {
    path: '',
    providers: [provideFeatureTexts(OUTBOX_TEXTS)],
    loadComponent: () => import('./outbox-page/outbox-page.component').then((m) => m.OutboxPageComponent),
  },
];
