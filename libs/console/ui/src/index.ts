export * from './lib/list-card/list-card.component';
export * from './lib/list-card/list-layout';
export * from './lib/password-toggle/password-toggle.component';
export * from './lib/confirm-dialog/confirm-dialog.component';
export * from './lib/search-field/search-field.component';
export * from './lib/status-chip/status-chip.component';
