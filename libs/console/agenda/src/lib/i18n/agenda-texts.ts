import type { FeatureTexts } from '@consultorio/console/core';
import { AGENDA_ES, type AgendaTextKey } from './es';

declare module '@consultorio/console/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
  interface FeatureTranslationKeys extends Record<AgendaTextKey, true> {}
}

/** The agenda texts: Spanish with the code, English fetched when chosen. */
export const AGENDA_TEXTS: FeatureTexts = {
  feature: 'agenda',
  es: AGENDA_ES,
  load: { en: () => import('./en').then((module) => module.AGENDA_EN) },
};
