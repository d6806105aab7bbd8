import type { FeatureTexts } from '@consultorio/console/core';
import { CASH_ES, type CashTextKey } from './es';

declare module '@consultorio/console/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
  interface FeatureTranslationKeys extends Record<CashTextKey, true> {}
}

/** The cash register's texts: Spanish with the code, English fetched when chosen. */
export const CASH_TEXTS: FeatureTexts = {
  feature: 'cash',
  es: CASH_ES,
  load: { en: () => import('./en').then((module) => module.CASH_EN) },
};
