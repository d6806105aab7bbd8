import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import {
  PreloadAllModules,
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
  withNavigationErrorHandler,
  withPreloading,
} from '@angular/router';
import { handleNavigationError, provideConsoleCore } from '@consultorio/console/core';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
      // Staff keep the console open all day: fetch every page's code early, so a flaky network
      // later does not keep a page from opening.
      withPreloading(PreloadAllModules),
      withNavigationErrorHandler(handleNavigationError),
    ),
    provideConsoleCore(),
  ],
};
