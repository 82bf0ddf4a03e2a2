// The layering of docs/architecture.md, enforced: imports run downhill.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const FRAMEWORKS = ['typeorm', 'type-graphql', 'pg', 'graphql', '@apollo/server', 'dataloader'].map((name) => ({
  name,
  message: 'the domain and the engine are plain functions over plain data: no framework, no database',
}));

/** Folder `target` may import from none of `from` (paths from the repository root). */
const zone = (target, from, message) => ({ target, from, message });

export default tseslint.config(
  { ignores: ['dist/', 'dist-bench/', 'node_modules/', 'web/', 'coverage/', '.data/', 'bin/', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.json'] } } },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./src/domain', ['./src/common/**', './src/engine/**', './src/modules/**', './src/db/**', './src/cli/**', './src/*.ts'], 'the domain imports nothing but itself'),
            zone('./src/common', ['./src/domain/**', './src/engine/**', './src/modules/**', './src/db/**', './src/cli/**', './src/*.ts'], 'common/ knows nothing of the domain, the engine or the features'),
            zone('./src/engine', ['./src/modules/**', './src/db/**', './src/cli/**', './src/*.ts'], 'the engine sees the domain and common/, never a feature'),
            zone('./src/modules', ['./src/db/**', './src/{main,server,schema,config}.ts', './src/cli/**'], 'features are wired by the top, not the other way'),
          ],
        },
      ],
      // A raw query answers `any`; the cast names the row's shape for the code after it, which the
      // rule counts as unnecessary wherever the first receiver would also take `any`.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Apollo plugin hooks and RegistryKind.validate are async by contract, awaiting or not.
      '@typescript-eslint/require-await': 'off',
      // Validation collects problems without throwing, so unused arguments of an interface method are fine when named with _.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Inside the engine, the rules read the core and answers compose both; the core knows neither.
    // Tests (and their factories) drive a rule through the whole engine, so they stand above all three.
    files: ['src/engine/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/engine/test-factories.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./src/engine/core', ['./src/engine/rules/**', './src/engine/answers/**', './src/modules/**', './src/db/**', './src/cli/**', './src/*.ts'], 'the engine core knows no rule and no answer'),
            zone('./src/engine/rules', ['./src/engine/answers/**', './src/modules/**', './src/db/**', './src/cli/**', './src/*.ts'], 'a rule reads the core; answers compose rules, not the other way'),
            zone('./src/engine/answers', ['./src/modules/**', './src/db/**', './src/cli/**', './src/*.ts'], 'the engine sees the domain and common/, never a feature'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/engine/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: FRAMEWORKS }] },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      // vitest's expect(...).rejects and fixtures hand back loosely typed JSON from the API.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
);
