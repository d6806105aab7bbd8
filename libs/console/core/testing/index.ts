// Helpers for the console's component tests, on an entry of their own so that what the browser
// loads never includes them: import them from spec files only.
export * from './console-test-bed';
export * from './feature-texts';
