import { Routes } from '@angular/router';
import { provideFeatureTexts } from '@consultorio/console/core';
import { PATIENTS_TEXTS } from './i18n/patients-texts';

/** `/patients`: search and register patients; `/patients/:id`: one patient's record. */
export const patientsRoutes: Routes = [
  {
    path: '',
    providers: [provideFeatureTexts(PATIENTS_TEXTS)],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () =>
          import('./patients-page/patients-page.component').then((m) => m.PatientsPageComponent),
      },
      {
        path: ':id',
        title: 'patients.profileTitle',
        loadComponent: () =>
          import('./patient-profile/patient-profile.component').then((m) => m.PatientProfileComponent),
      },
    ],
  },
];
