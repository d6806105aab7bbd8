import { Routes } from '@angular/router';
import { provideFeatureTexts } from '@consultorio/console/core';
import { STAFF_TEXTS } from './i18n/staff-texts';
import { StaffCatalog } from './shared/staff-catalog';

/** `/doctors`: the doctors list; `/doctors/holidays`: clinic holidays; `/doctors/:id`: profile and schedule. */
export const staffRoutes: Routes = [
  {
    path: '',
    providers: [provideFeatureTexts(STAFF_TEXTS), StaffCatalog],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () =>
          import('./doctors-page/doctors-page.component').then((m) => m.DoctorsPageComponent),
      },
      {
        path: 'holidays',
        title: 'staff.holidays.title',
        loadComponent: () =>
          import('./holidays-page/holidays-page.component').then((m) => m.HolidaysPageComponent),
      },
      {
        path: ':id',
        title: 'staff.profileTitle',
        loadComponent: () =>
          import('./doctor-profile/doctor-profile.component').then((m) => m.DoctorProfileComponent),
      },
    ],
  },
];
