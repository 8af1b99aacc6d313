import { finish, project } from '../../../cloudfunctions/core/store/embedded/mongo';

/** mingo's general projection is the reference: the top-level fast path must answer exactly the same. */
const viaMingo = (docs: Record<string, unknown>[], projection: Record<string, unknown>) => finish(docs, { projection });

const DOCS: Record<string, unknown>[] = [
  { _id: 'a', zeta: 1, alpha: { nested: true }, list: [1, { x: 2 }], none: null, when: new Date(5) },
  { alpha: 2, zeta: 'z' },
  { _id: 7, other: 'only' },
];

describe('field() projections in the embedded store', () => {
  it.each([
    ['top-level fields, _id first then the fields in sorted order', { zeta: true, alpha: true, none: true, when: true }],
    ['fields given as 1', { list: 1, alpha: 1 }],
    ['_id left out on request', { alpha: true, _id: false }],
    ['_id asked for explicitly', { _id: 1, zeta: true }],
    ['a field no document has', { missing: true }],
  ])('answers %s exactly as mingo does', (_name, projection) => {
    const fast = project(DOCS, projection);
    const reference = viaMingo(DOCS, projection);
    expect(fast).toEqual(reference);
    expect(fast.map((d) => Object.keys(d))).toEqual(reference.map((d) => Object.keys(d)));
  });

  it('still answers dotted paths and exclusions through mingo', () => {
    expect(project(DOCS, { 'alpha.nested': true })).toEqual(viaMingo(DOCS, { 'alpha.nested': true }));
    expect(project(DOCS, { zeta: false })).toEqual([
      { _id: 'a', alpha: { nested: true }, list: [1, { x: 2 }], none: null, when: new Date(5) }, { alpha: 2 }, { _id: 7, other: 'only' },
    ]);
  });
});
