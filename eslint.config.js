// Lint rules, including the import boundaries of ../shared/STYLE.md ("who may import whom").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const restrict = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }],
});

const noServerOrClient = [['**/server/**', '../server/*', '../../server/*', '**/client/**'], 'shared/ imports nothing from server/ or client/'];
const noEdges = [['**/http/**', '**/realtime/**'], 'http/ and realtime/ are edges: only app.ts imports them'];
const noWebInDomain = [['express', 'socket.io', '**/presenters/**'], 'domain never uses express, io or presenters'];
const noIoInPolicies = [['mongoose', 'redis', '**/db/**', '**/redis/**', '**/domain/**', 'node:*'], 'policies are pure: model types and shared only'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'client/dist/**', 'data/**', 'uploads/**', 'test-artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  { files: ['shared/**/*.ts'], rules: restrict(noServerOrClient, [['node:*', 'mongoose', 'express', 'redis'], 'shared/ uses no Node, DOM or mongoose APIs']) },
  { files: ['server/domain/**/*.ts'], rules: restrict(noEdges, noWebInDomain) },
  { files: ['server/policies/**/*.ts'], rules: restrict(noEdges, noIoInPolicies) },
  { files: ['server/presenters/**/*.ts'], rules: restrict(noEdges, [['mongoose', '**/domain/**', '**/db/connection*', '**/redis/**'], 'presenters: model types and shared/dto only']) },
  { files: ['server/db/**/*.ts', 'server/events/**/*.ts', 'server/storage/**/*.ts', 'server/content/**/*.ts', 'server/jobs/**/*.ts', 'server/auth/**/*.ts', 'server/redis/**/*.ts', 'server/config/**/*.ts'], rules: restrict(noEdges) },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, ...restrict([['**/server/**'], 'the client talks to the server over HTTP only']) },
  },
);
