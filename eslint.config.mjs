// ESLint flat config: typescript-eslint recommended, and the core (src/digest) may not import vscode.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.host/**', 'media/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/digest/**/*.ts', 'src/cli/**/*.ts', 'src/metadata/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The core and the CLI stay free of vscode: convert types in src/features/convert.ts.' }] }],
    },
  },
  {
    // Mocha loads reporters with require(): the one CommonJS file.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The extension runs in the web extension host too (a Web Worker): no Node globals there. Node-only modules
    // (the CLI, the file store) are outside this list; Node built-in imports fail the web build (scripts/build.mjs).
    files: ['src/extension.ts', 'src/features/**/*.ts', 'src/preview/*.ts', 'src/digest/**/*.ts', 'src/metadata/**/*.ts'],
    ignores: ['src/metadata/store.ts'],
    rules: {
      'no-restricted-globals': ['error', ...['Buffer', 'process', 'setImmediate', 'clearImmediate', 'global', '__dirname', '__filename', 'require'].map((name) => ({
        name, message: 'Not in the web extension host (a Web Worker): use a web API (setTimeout, btoa, TextEncoder, vscode.workspace.fs).',
      }))],
    },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
