import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      'no-undef': 'off', // TypeScript checks names; the rule does not know DOM or Node types
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // A module talks to another only through that module's index.ts (DESIGN.md §6).
    files: ['src/modules/**/*.ts', 'src/modules/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*/*.ts', '!../*/index.ts'], message: 'Import another module only through its index.ts.' }] }],
    },
  },
  {
    // Dialect differences live in platform/db only.
    files: ['src/modules/**/*.ts', 'src/portal/**/*.ts', 'src/portal/**/*.tsx'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "BinaryExpression[right.value='sqlite']", message: 'Do not branch on the SQL dialect outside src/platform/db.' }],
    },
  },
);
