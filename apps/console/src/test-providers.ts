import { EnvironmentProviders, Provider } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

/** Providers of every component test: jsdom runs no CSS animations, so Material must not wait for them. */
const testProviders: (Provider | EnvironmentProviders)[] = [
  { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
];

export default testProviders;
