import type { FeatureTexts } from '@consultorio/console/core';
import { STAFF_ES, type StaffTextKey } from './es';

declare module '@consultorio/console/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
  interface FeatureTranslationKeys extends Record<StaffTextKey, true> {}
}

/** The staff texts: Spanish with the code, English fetched when chosen. */
export const STAFF_TEXTS: FeatureTexts = {
  feature: 'staff',
  es: STAFF_ES,
  load: { en: () => import('./en').then((module) => module.STAFF_EN) },
};
