// ESLint for the explorer's scripts (flat config): the recommended rules, browser globals, ES modules, plus the few
// rules this code relies on (no innerHTML-style sinks, strict equality, no unused code).
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['wwwroot/js/**/*.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser } },
    rules: {
      eqeqeq: ['error', 'always'],
      'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Build the DOM with el()/textContent: data must never become markup.' },
        { property: 'outerHTML', message: 'Build the DOM with el()/textContent: data must never become markup.' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Build the DOM with el().' }],
      'prefer-const': 'error',
      'no-var': 'error',
    },
  },
];
