// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Packages that tie code to a UI or a runtime; pure layers must not import them. */
const UI_PACKAGES = ['react', 'react-dom', 'react-dom/*', 'react-router', 'zustand', 'zustand/*', 'i18next', 'react-i18next'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tests/browser/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // The content compiler is its own island: it builds the model and imports nothing else from src.
            { target: './src/content', from: './src', except: ['./content'], message: 'src/content must not import from the rest of src/.' },
            // The quiz engine is pure: no store, UI, routes, tracking or content compiler.
            { target: './src/quiz', from: './src', except: ['./quiz', './content/model.ts', './content/quiz-model.ts'], message: 'src/quiz is pure: it may import only itself and the course model types.' },
            // Class statistics are pure: they run the same in the browser, in Node scripts and in tests.
            { target: './src/analytics', from: './src', except: ['./analytics', './content/model.ts', './content/quiz-model.ts', './quiz/random.ts'], message: 'src/analytics is pure: it may import only itself, the course model types and the seeded PRNG of src/quiz.' },
            // Tracking knows CMI, never the UI or the store.
            { target: './src/tracking', from: './src', except: ['./tracking'], message: 'src/tracking must not import UI, store or routes.' },
            // Only the tracking bridge talks to adapters and the state codec.
            {
              target: ['./src/ui', './src/routes', './src/main.tsx', './src/app.tsx'],
              from: './src/tracking',
              except: ['./adapter.ts'],
              message: 'Only src/store/tracking-bridge.ts may use an LMS adapter.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.{ts,tsx}'],
    ignores: ['src/store/tracking-bridge.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/tracking/*/**', '**/tracking/state-codec*'], message: 'Only src/store/tracking-bridge.ts may use an LMS adapter or the state codec.' }] },
      ],
    },
  },
  {
    files: ['src/quiz/**/*.ts', 'src/content/**/*.ts', 'src/tracking/**/*.ts', 'src/analytics/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: UI_PACKAGES.filter((p) => !p.includes('*')), patterns: UI_PACKAGES.filter((p) => p.includes('*')) }],
    },
  },
  {
    files: ['src/quiz/**/*.ts', 'src/analytics/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Randomness comes in as a seed.' }],
    },
  },
);
