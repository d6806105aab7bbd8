import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';
import prettier from 'eslint-config-prettier';

const serverOnlyImports = {
  group: ['@nestjs/*', 'typeorm', 'pg', 'fastify', '@fastify/*', 'argon2', 'passport*'],
  message: 'Server-only packages may not be imported by shared or console code.',
};

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.angular', '**/.data', '**/coverage', 'tmp'],
  },
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            // Shared contracts and utils are imported by both sides, so they import neither.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console', 'scope:shared'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:contracts', 'type:util'],
            },
            {
              sourceTag: 'type:ui',
              onlyDependOnLibsWithTags: ['type:ui', 'type:data-access', 'type:contracts', 'type:util'],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:ui',
                'type:data-access',
                'type:contracts',
                'type:util',
              ],
            },
            // Test projects drive their app through its real factory and may reach any layer of it.
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:util',
                'type:app',
                'type:data-access',
                'type:feature',
              ],
            },
          ],
          banTransitiveDependencies: true,
        },
      ],
    },
  },
  {
    // Server-only packages never reach the browser or the shared contracts.
    files: ['libs/shared/**/*.ts', 'libs/console/**/*.ts', 'apps/console/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [serverOnlyImports] }],
    },
  },
  {
    // Test helpers never reach the browser either (a later rule replaces the one above, so both).
    files: ['libs/console/**/*.ts', 'apps/console/**/*.ts'],
    ignores: ['**/*.spec.ts', 'apps/console/src/test-providers.ts', 'libs/console/*/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            serverOnlyImports,
            {
              group: ['**/testing'],
              message: 'Test helpers are for spec files only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'pg', 'fastify', '@fastify/*', '@angular/*', 'rxjs'],
              message: 'Shared libraries stay framework-free: no Nest, TypeORM or Angular.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read loosely typed JSON and assert on it; strictness there buys nothing.
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'apps/*-e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Angular console: recommended component rules, template checks and accessibility.
  ...[...angular.configs.tsRecommended].map((config) => ({
    ...config,
    files: ['apps/console/**/*.ts', 'libs/console/**/*.ts'],
  })),
  {
    files: ['apps/console/**/*.ts', 'libs/console/**/*.ts'],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'cs', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'cs', style: 'camelCase' },
      ],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@angular-eslint/prefer-signals': 'error',
      '@angular-eslint/no-async-lifecycle-method': 'error',
      '@angular-eslint/consistent-component-styles': 'error',
      '@angular-eslint/use-component-view-encapsulation': 'error',
      '@angular-eslint/relative-url-prefix': 'error',
    },
  },
  ...[...angular.configs.templateRecommended, ...angular.configs.templateAccessibility].map((config) => ({
    ...config,
    files: ['apps/console/**/*.html', 'libs/console/**/*.html'],
  })),
  {
    files: ['apps/console/**/*.html', 'libs/console/**/*.html'],
    rules: {
      '@angular-eslint/template/prefer-control-flow': 'error',
      '@angular-eslint/template/prefer-self-closing-tags': 'error',
      '@angular-eslint/template/no-any': 'error',
      '@angular-eslint/template/use-track-by-function': 'off',
    },
  },
  prettier,
];
