/**
 * The three monthly ledgers (SPEC §6, issue 15) on the county-scale store, through the harness:
 * as admin reports, at most 20 requests whatever the county's size and ≤ 2 s, also with 10 ms per
 * request (issue 21); the .xlsx, a download, ≤ 5 s.
 */
import type { LedgerKind } from '../../types/api/reports';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { COUNTY_ADMIN } from './actions';
import { bench, benchMain, runMain } from './harness';

const MONTH = '2026-10';
const reports = (action: string, payload: unknown) => FUNCTIONS.reports({ action, payload }, { devOpenid: COUNTY_ADMIN });

runMain(() =>
  benchMain('monthly ledgers (issues 15, 21)', async () => {
    for (const kind of ['unit', 'health', 'education'] satisfies LedgerKind[]) {
      await bench({
        name: `reports.ledger (${kind})`,
        run: () => reports('ledger', { kind, month: MONTH }),
        n: 3,
        warm: 1,
        simN: 2,
        localTargetMs: 2000,
        maxRequests: 20,
        simTargetMs: 2000,
      });
    }
    await bench({
      name: 'reports.exportLedger (health)',
      run: () => reports('exportLedger', { kind: 'health', month: MONTH }),
      n: 1,
      warm: 0,
      simN: 1,
      localTargetMs: 5000,
      maxRequests: 20,
      simTargetMs: 5000,
    });
  }),
);
