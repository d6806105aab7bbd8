export * from './lib/money';
export * from './lib/invoice-totals';
export * from './lib/format';
export * from './lib/tax-rate';
