/**
 * The county admin's reports on the county-scale store: 走访覆盖率 (`reports.coverage`) and the
 * workbench (`reports.dashboard`), through the harness. Budgets (issues 4, 21): at most 20
 * requests, ≤ 2 s with 10 ms per request; coverage ≤ 1 s locally; a first call within 2× a warm one.
 */
import { ACTIONS, loadFixture } from './actions';
import { bench, benchMain, coldStart, runMain } from './harness';

const REPORT = { maxRequests: 20, simTargetMs: 2000 };

runMain(() =>
  benchMain('county reports (coverage, dashboard)', async () => {
    const fixture = await loadFixture();
    await bench({ name: 'reports.coverage', run: (i) => ACTIONS['reports.coverage'](fixture, i), n: 10, simN: 5, localTargetMs: 1000, ...REPORT });
    await bench({ name: 'reports.dashboard', run: (i) => ACTIONS['reports.dashboard'](fixture, i), n: 10, simN: 5, ...REPORT });
    coldStart('reports.coverage', fixture);
    coldStart('reports.dashboard', fixture);
  }),
);
