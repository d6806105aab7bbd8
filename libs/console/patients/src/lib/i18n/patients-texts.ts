import type { FeatureTexts } from '@consultorio/console/core';
import { PATIENTS_ES, type PatientsTextKey } from './es';

declare module '@consultorio/console/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
  interface FeatureTranslationKeys extends Record<PatientsTextKey, true> {}
}

/** The patients texts: Spanish with the code, English fetched when chosen. */
export const PATIENTS_TEXTS: FeatureTexts = {
  feature: 'patients',
  es: PATIENTS_ES,
  load: { en: () => import('./en').then((module) => module.PATIENTS_EN) },
};
