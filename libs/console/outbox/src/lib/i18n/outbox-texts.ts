import type { FeatureTexts } from '@consultorio/console/core';
import { OUTBOX_ES, type OutboxTextKey } from './es';

declare module '@consultorio/console/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
  interface FeatureTranslationKeys extends Record<OutboxTextKey, true> {}
}

/** The outbox texts: Spanish with the code, English fetched when chosen. */
export const OUTBOX_TEXTS: FeatureTexts = {
  feature: 'outbox',
  es: OUTBOX_ES,
  load: { en: () => import('./en').then((module) => module.OUTBOX_EN) },
};
