import type { FeatureTexts } from '@consultorio/console/core';
import { BILLING_ES, type BillingTextKey } from './es';

declare module '@consultorio/console/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
  interface FeatureTranslationKeys extends Record<BillingTextKey, true> {}
}

/** The billing texts: Spanish with the code, English fetched when chosen. */
export const BILLING_TEXTS: FeatureTexts = {
  feature: 'billing',
  es: BILLING_ES,
  load: { en: () => import('./en').then((module) => module.BILLING_EN) },
};
