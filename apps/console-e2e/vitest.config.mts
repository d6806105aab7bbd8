import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Real-browser tests: Chromium from the system drives the console served by the real API.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'console-e2e',
    environment: 'node',
    include: ['src/**/*.e2e-spec.ts'],
    globalSetup: ['src/support/global-setup.ts'],
    // One browser and one server on a small machine: files run one after another.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});
