export * from './lib/billing.routes';
export { BILLING_TEXTS } from './lib/i18n/billing-texts';
export type { BillingTextKey } from './lib/i18n/es';
export { PatientBillingComponent } from './lib/patient-billing/patient-billing.component';
