import type { TranslationKey } from '@consultorio/console/core';

/** What an error page says; its route passes it as `data.errorPage`. */
export interface ErrorPageContent {
  /** Material Symbols name. */
  icon: string;
  /** The HTTP status the page stands for. */
  code: string;
  title: TranslationKey;
  text: TranslationKey;
  testId: string;
}

/** Shown, at the requested address, when the user's role may not open a page. */
export const FORBIDDEN_PAGE: ErrorPageContent = {
  icon: 'lock',
  code: '403',
  title: 'forbidden.title',
  text: 'forbidden.text',
  testId: 'forbidden-page',
};

/** Shown for any address the console does not know. */
export const NOT_FOUND_PAGE: ErrorPageContent = {
  icon: 'explore_off',
  code: '404',
  title: 'notFound.title',
  text: 'notFound.text',
  testId: 'not-found-page',
};
