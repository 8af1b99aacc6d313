import { finish, project } from '../../../cloudfunctions/core/store/embedded/projection';

/** mingo's general projection is the reference: the top-level fast path must answer exactly the same. */
const viaMingo = (docs: Record<string, unknown>[], projection: Record<string, unknown>) => finish(docs, { projection });

const DOCS: Record<string, unknown>[] = [
  { _id: 'a', zeta: 1, alpha: { nested: true }, list: [1, { x: 2 }], none: null, when: new Date(5) },
  { alpha: 2, zeta: 'z' },
  { _id: 7, other: 'only' },
  // Shapes a dotted path meets: arrays of objects, scalars and nulls in them, nested arrays, dates, empty values.
  {
    _id: 'm',
    members: [{ id: 'm1', name: '甲', phone: '138', age: { years: 3, months: 2 } }, { id: 'm2' }, 5, null, [{ id: 'm3', x: 1 }], new Date(9)],
    list: [],
  },
  { _id: 'o', members: { id: 'solo', phone: '139' }, alpha: { nested: { deep: 1, other: 2 } }, list: [[1, { x: 3, y: 4 }]] },
  { _id: 's', members: 'scalar', alpha: null, list: { x: new Date(1) } },
  { _id: 'd', members: new Date(3), alpha: [], zeta: [{ a: 1 }] },
];

describe('field() projections in the embedded store', () => {
  it.each([
    ['top-level fields, _id first then the fields in sorted order', { zeta: true, alpha: true, none: true, when: true }],
    ['fields given as 1', { list: 1, alpha: 1 }],
    ['_id left out on request', { alpha: true, _id: false }],
    ['_id asked for explicitly', { _id: 1, zeta: true }],
    ['a field no document has', { missing: true }],
    ['_id alone', { _id: true }],
    ['dotted paths into arrays of objects', { 'members.id': true, 'members.name': true }],
    ['dotted paths beside top-level fields, without _id', { 'members.id': 1, zeta: 1, _id: 0 }],
    ['a deeper dotted path', { 'members.age.years': true, 'alpha.nested.deep': true }],
    ['a dotted path through nested arrays and dates', { 'list.x': true }],
  ])('answers %s exactly as mingo does', (_name, projection) => {
    const fast = project(DOCS, projection);
    const reference = viaMingo(DOCS, projection);
    expect(fast).toEqual(reference);
    expect(fast.map((d) => Object.keys(d))).toEqual(reference.map((d) => Object.keys(d)));
  });

  it('still answers exclusions and path collisions through mingo', () => {
    expect(() => project(DOCS, { alpha: true, 'alpha.nested': true })).toThrow('Path collision');
    expect(project(DOCS.slice(0, 3), { zeta: false })).toEqual([
      { _id: 'a', alpha: { nested: true }, list: [1, { x: 2 }], none: null, when: new Date(5) },
      { alpha: 2 },
      { _id: 7, other: 'only' },
    ]);
  });
});
