// Shared Jest settings: TypeScript through ts-jest with the workspace path aliases.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

module.exports = {
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: '<rootDir>/tsconfig.spec.json',
        astTransformers: { before: [require.resolve('./tools/jest/swagger-transformer.js')] },
      },
    ],
    '^.+/node_modules/temporal-(polyfill|utils)/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022' }, isolatedModules: true },
    ],
  },
  // temporal-polyfill ships ES modules only; Jest on Node 20 cannot require them, so they are
  // compiled to CommonJS here (the API bundle and Node's own require(esm) need no such help).
  transformIgnorePatterns: ['/node_modules/(?!temporal-(polyfill|utils)/)'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: __dirname + '/' }),
  testMatch: ['**/?(*.)+(spec|e2e-spec).ts'],
};
