/**
 * Monthly bulletin numbers (issue 15) on the county-scale store, through the harness. Targets:
 * the county's bulletin for a month ≤ 2 s, its .xlsx ≤ 5 s, a frozen bulletin opens ≤ 200 ms
 * (locally); as admin reports, at most 20 requests and ≤ 2 s with 10 ms per request (issue 21;
 * the .xlsx, a download, ≤ 5 s).
 */
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { ACTIONS, COUNTY_ADMIN, loadFixture } from './actions';
import { bench, benchMain, runMain } from './harness';

runMain(() =>
  benchMain('monthly bulletin (issue 15)', async () => {
    const fixture = await loadFixture();
    const reports = (action: string, payload: unknown) => FUNCTIONS.reports({ action, payload }, { devOpenid: COUNTY_ADMIN });
    await bench({
      name: 'reports.monthlyBulletin',
      run: (i) => ACTIONS['reports.monthlyBulletin'](fixture, i),
      n: 3,
      warm: 1,
      simN: 2,
      localTargetMs: 2000,
      maxRequests: 20,
      simTargetMs: 2000,
    });
    await bench({
      name: 'reports.exportBulletin',
      run: (i) => ACTIONS['reports.exportBulletin'](fixture, i),
      n: 1,
      warm: 0,
      simN: 1,
      localTargetMs: 5000,
      maxRequests: 20,
      simTargetMs: 5000,
    });
    // Freeze a month of the bench store once (a second run finds it frozen and only reads it).
    const published = await reports('monthlyBulletin', { month: '2026-09' });
    if (published.ok && !(published.data as { frozen: boolean }).frozen) {
      const r = await reports('publishBulletin', { month: '2026-09', audience: { roles: ['admin'] } });
      if (!r.ok) throw new Error(r.error.message);
    }
    await bench({
      name: 'frozen monthlyBulletin',
      run: (i) => ACTIONS['frozen monthlyBulletin'](fixture, i),
      n: 10,
      simN: 5,
      localTargetMs: 200,
      maxRequests: 5,
      simTargetMs: 200,
    });
  }),
);
