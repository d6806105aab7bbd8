import { Route, Routes } from '@angular/router';
import { guestGuard } from '@consultorio/console/core';

/** The login page, outside the signed-in frame. */
export const loginRoute: Route = {
  path: 'login',
  title: 'login.title',
  canActivate: [guestGuard],
  loadComponent: () => import('./login/login-page.component').then((m) => m.LoginPageComponent),
};

/** Pages of the shell shown inside the signed-in frame. */
export const shellPageRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'nav.home',
    loadComponent: () => import('./home/home-page.component').then((m) => m.HomePageComponent),
  },
  {
    path: 'profile',
    title: 'profile.title',
    loadComponent: () => import('./profile/profile-page.component').then((m) => m.ProfilePageComponent),
  },
  {
    path: 'forbidden',
    title: 'forbidden.title',
    loadComponent: () => import('./errors/forbidden-page.component').then((m) => m.ForbiddenPageComponent),
  },
];

/** Any other address; goes last. */
export const notFoundRoute: Route = {
  path: '**',
  title: 'notFound.title',
  loadComponent: () => import('./errors/not-found-page.component').then((m) => m.NotFoundPageComponent),
};
