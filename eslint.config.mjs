// ESLint with typescript-eslint's recommended rules (syntax only, no type information: fast enough
// to run in every `npm test`). Formatting is Prettier's job; nothing here argues with it.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'var/**', 'coverage/**', 'test-artifacts/**', 'templates/portal/assets/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // Unused names are already compile errors (noUnusedLocals); args prefixed _ are deliberate.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Nest decorators and DTO classes use empty classes and `Function` types by design.
      '@typescript-eslint/no-extraneous-class': 'off',
      // `import x = require()` is how TypeScript writes a CommonJS import (register-aliases.ts).
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['error'] }],
      'prefer-const': 'error',
    },
  },
  {
    // Scripts and tests print on purpose; tests read loosely typed HTTP bodies.
    files: ['scripts/**', 'test/**', '**/*.spec.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-console': 'off' },
  },
);
