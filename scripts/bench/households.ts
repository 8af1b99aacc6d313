/**
 * The county registry (`households.list` as a county admin: the first page of 20 in code order
 * with the count), plain, filtered (a town's poor households) and searched (a common surname),
 * each beside the raw SQLite queries for the same page and count. Budget (issue 21): within 10×
 * the raw queries, at most 5 requests; a first call within 2× a warm one.
 */
import { ACTIONS, loadFixture, rawQueries } from './actions';
import { bench, benchMain, coldStart, runMain } from './harness';

const REGISTRY = { maxRequests: 5, maxRawRatio: 10 };

runMain(() =>
  benchMain('county registry (households.list)', async (store) => {
    const fixture = await loadFixture();
    const raw = rawQueries(store.engine.sqlite);
    await bench({ name: 'households.list', run: (i) => ACTIONS['households.list'](fixture, i), raw: raw.registry, n: 30, ...REGISTRY });
    await bench({
      name: 'households.list filtered',
      run: (i) => ACTIONS['households.list filtered'](fixture, i),
      raw: raw.registryFiltered,
      n: 30,
      ...REGISTRY,
    });
    await bench({ name: 'households.list search', run: (i) => ACTIONS['households.list search'](fixture, i), raw: raw.registrySearched, n: 20, ...REGISTRY });
    coldStart('households.list', fixture);
  }),
);
