// One lint config for the whole repository (ESLint 9 flat config); `npm run lint` allows no warnings.
// Type information is used only for the three promise rules, which catch real bugs here (a write
// not awaited, a thenable that is not one); the no-unsafe-* family would demand hundreds of edits
// for little gain and stays off. Unused locals are tsc's job (`noUnusedLocals` in tsconfig.json),
// so ESLint does not report them a second time.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Every `eslint-disable…` comment says why after ` -- `, on the same line. */
const disableSaysWhy = {
  meta: { type: 'suggestion', schema: [], messages: { why: 'Say why on the same line: `// eslint-disable-next-line <rule> -- <reason>`.' } },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const text = comment.value.trim();
          if (/^eslint-disable(-next-line|-line)?\b/.test(text) && !/\s--\s+\S/.test(text)) context.report({ loc: comment.loc, messageId: 'why' });
        }
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-*/', '.data/', '.cache/', 'coverage/', 'test-results/', '.swc/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node } },
    plugins: { bangfu: { rules: { 'disable-says-why': disableSaysWhy } } },
    rules: {
      'bangfu/disable-says-why': 'error',
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // JSX handlers may be async: React and Taro ignore what a handler returns.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  // The client: React 18 with the automatic JSX runtime, as Taro 4's own eslint-config-taro sets
  // it up (react + react-hooks recommended, no React import needed), in flat form.
  {
    files: ['client/**/*.{ts,tsx}'],
    ...react.configs.flat.recommended,
    languageOptions: { ...react.configs.flat.recommended.languageOptions, globals: { ...globals.browser } },
    settings: { react: { version: '18.3' } },
    // Props are typed by TypeScript.
    rules: { ...react.configs.flat.recommended.rules, 'react/prop-types': 'off' },
  },
  { files: ['client/**/*.{ts,tsx}'], ...react.configs.flat['jsx-runtime'] },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The classic hooks rules. react-hooks 7's React Compiler rules (refs, purity,
    // set-state-in-effect…) are left out: Bangfu does not build with the React Compiler.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // Tests reach into raw answers and re-require modules after jest.resetModules().
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' } },
  // Taro's webpack-chain and compiler hooks come untyped.
  { files: ['config/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    files: ['config/sw.template.js'],
    languageOptions: {
      globals: { ...globals.serviceworker, __BANGFU_SHELL_FILES__: 'readonly', __BANGFU_SHELL_VERSION__: 'readonly' },
    },
  },
  { files: ['**/*.cjs', '**/*.js'], ignores: ['config/sw.template.js', 'client/**'], languageOptions: { sourceType: 'commonjs' } },
);
