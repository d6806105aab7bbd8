import { Routes } from '@angular/router';
import { provideFeatureTexts } from '@consultorio/console/core';
import { BILLING_TEXTS } from './i18n/billing-texts';

/** `/billing`: invoices and credit notes, payments and their PDF. */
export const billingRoutes: Routes = [
  {
    path: '',
    providers: [provideFeatureTexts(BILLING_TEXTS)],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () =>
          import('./invoices-page/invoices-page.component').then((m) => m.InvoicesPageComponent),
      },
      {
        path: 'new',
        title: 'billing.editor.newTitle',
        loadComponent: () =>
          import('./invoice-editor/invoice-editor.component').then((m) => m.InvoiceEditorComponent),
      },
      {
        path: ':id/edit',
        title: 'billing.editor.editTitle',
        loadComponent: () =>
          import('./invoice-editor/invoice-editor.component').then((m) => m.InvoiceEditorComponent),
      },
      {
        path: ':id',
        title: 'billing.detailTitle',
        loadComponent: () =>
          import('./invoice-detail/invoice-detail.component').then((m) => m.InvoiceDetailComponent),
      },
    ],
  },
];
