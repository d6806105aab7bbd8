import type { FeatureTexts } from '@consultorio/console/core';
import { USERS_ES, type UsersTextKey } from './es';

declare module '@consultorio/console/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
  interface FeatureTranslationKeys extends Record<UsersTextKey, true> {}
}

/** The users and audit log texts: Spanish with the code, English fetched when chosen. */
export const USERS_TEXTS: FeatureTexts = {
  feature: 'users',
  es: USERS_ES,
  load: { en: () => import('./en').then((module) => module.USERS_EN) },
};
