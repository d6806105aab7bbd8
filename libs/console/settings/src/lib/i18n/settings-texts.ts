import type { FeatureTexts } from '@consultorio/console/core';
import { SETTINGS_ES, type SettingsTextKey } from './es';

declare module '@consultorio/console/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
  interface FeatureTranslationKeys extends Record<SettingsTextKey, true> {}
}

/** The settings texts: Spanish with the code, English fetched when chosen. */
export const SETTINGS_TEXTS: FeatureTexts = {
  feature: 'settings',
  es: SETTINGS_ES,
  load: { en: () => import('./en').then((module) => module.SETTINGS_EN) },
};
