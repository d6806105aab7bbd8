import { Routes } from '@angular/router';

/** `/patients`: search and register patients; `/patients/:id`: one patient's record. */
export const patientsRoutes: Routes = [
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
];
