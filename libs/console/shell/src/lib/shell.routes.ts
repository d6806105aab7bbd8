import { Route, Routes } from '@angular/router';
import { guestGuard } from '@consultorio/console/core';
import { FORBIDDEN_PAGE, NOT_FOUND_PAGE } from './errors/error-page-content';

/** Every error page is one component; the route's data says which. */
const loadErrorPage = () => import('./errors/error-page.component').then((m) => m.ErrorPageComponent);

/** The login page, outside the signed-in frame. */
export const loginRoute: Route = {
  path: 'login',
  title: 'login.title',
  canActivate: [guestGuard],
  loadComponent: () => import('./login/login-page.component').then((m) => m.LoginPageComponent),
};

/**
 * Password reset, outside the signed-in frame: asking for the e-mail (for visitors only) and
 * choosing the new password with the link's token (open to anyone holding a link).
 */
export const passwordResetRoutes: Routes = [
  {
    path: 'forgot-password',
    title: 'passwordReset.forgotTitle',
    canActivate: [guestGuard],
    loadComponent: () =>
      import('./password-reset/forgot-password-page.component').then((m) => m.ForgotPasswordPageComponent),
  },
  {
    path: 'reset-password',
    title: 'passwordReset.resetTitle',
    loadComponent: () =>
      import('./password-reset/reset-password-page.component').then((m) => m.ResetPasswordPageComponent),
  },
];

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
    title: FORBIDDEN_PAGE.title,
    data: { errorPage: FORBIDDEN_PAGE },
    loadComponent: loadErrorPage,
  },
];

/** Any other address; goes last. */
export const notFoundRoute: Route = {
  path: '**',
  title: NOT_FOUND_PAGE.title,
  data: { errorPage: NOT_FOUND_PAGE },
  loadComponent: loadErrorPage,
};
