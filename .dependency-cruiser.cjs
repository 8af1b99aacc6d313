/**
 * The architecture as rules (STYLE.md "The way data flows"), checked by `npm run check:arch`.
 * dependency-cruiser rather than eslint-plugin-boundaries: it resolves imports exactly as
 * TypeScript does (tsconfig paths, `.d.ts` of the platform-suffixed files), finds import cycles
 * across the whole graph, checks npm packages by where they resolve, and runs on its own in
 * seconds instead of inside the type-aware lint. Each violation prints the rule's name.
 * The collection rule (a collection is queried only in its owning repository) is not an import
 * rule: scripts/check-collections.mjs holds it.
 */
const PAGE = '^client/src/(pages|package-[a-z]+/pages)/([^/]+)/';
const NPM = '(^|/)node_modules/';

module.exports = {
  forbidden: [
    {
      name: 'client-not-to-cloudfunctions',
      comment: 'The client never imports server code: it gets the contracts from types/ and calls functions through services/transport.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^cloudfunctions/' },
    },
    {
      name: 'pages-import-components-hooks-services',
      comment:
        "A page imports components, hooks and services (and the shared types/, the client's pure utils/ and its own folder's files), never another page, the app entry or config.",
      severity: 'error',
      from: { path: PAGE },
      to: {
        pathNot: ['^client/src/$1/$2/', '^client/src/(components|hooks|services|utils)/', '^client/src/package-[^/]+/components/', '^types/', NPM],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'only-embedded-store-uses-sqlite-mingo',
      comment: 'better-sqlite3 and mingo are the embedded store (local host, tests): the cloud bundle must stay free of them.',
      severity: 'error',
      // scripts/bench/ also reads the bench store's SQLite file directly: the raw query each action's
      // time is compared with (issue 21's ratios). It never runs in a function.
      from: { pathNot: ['^cloudfunctions/core/store/embedded/', '^cloudfunctions/core/local/', '^scripts/bench/'] },
      to: { path: `${NPM}(@types/)?(better-sqlite3|mingo)/` },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only ones included: split out the shared part (as core/wechat/gateway.ts does).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'types-only-zod-dayjs',
      comment: 'types/ is shared by client and functions: it imports zod, dayjs and itself only.',
      severity: 'error',
      from: { path: '^types/' },
      to: { pathNot: ['^types/', `${NPM}(zod|dayjs)/`] },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|dist-[^/]+|\\.data|\\.cache|coverage)/' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
