import type { Region, Scope } from '../../../types/region';
import type { Notice } from '../../../types/notice';
import type { User } from '../../../types/user';
import { byPinnedThenNewest, canManage, helperRegionIds, isAddressedTo, resolveAudienceRegions } from '../../../cloudfunctions/core/notices/notice.rules';

const region = (id: string, level: Region['level'], path: string[]): Region => ({
  _id: id,
  name: id,
  level,
  parentId: path.length > 1 ? path[path.length - 2] : null,
  path,
});
const REGIONS = new Map(
  [
    region('county-1', 'county', ['county-1']),
    region('town-1', 'town', ['county-1', 'town-1']),
    region('town-2', 'town', ['county-1', 'town-2']),
    region('village-1-1', 'village', ['county-1', 'town-1', 'village-1-1']),
    region('village-2-1', 'village', ['county-1', 'town-2', 'village-2-1']),
  ].map((r) => [r._id, r]),
);

const county: Scope = { level: 'county', regionId: 'county-1' };
const town1: Scope = { level: 'town', regionId: 'town-1' };
const village11: Scope = { level: 'village', regionId: 'village-1-1' };

describe("resolving a notice's audience regions against the admin's scope", () => {
  it.each([
    ['a county admin with no regions reaches the whole county', county, undefined, ['county-1']],
    ['a county admin may address one town', county, ['town-1'], ['town-1']],
    ['a county admin may address villages in two towns', county, ['village-1-1', 'village-2-1'], ['village-1-1', 'village-2-1']],
    ['a town admin with no regions reaches their town', town1, [], ['town-1']],
    ['a town admin may address a village of their town', town1, ['village-1-1'], ['village-1-1']],
    ['a village admin reaches their village', village11, undefined, ['village-1-1']],
    ['the same region twice counts once', county, ['town-1', 'town-1'], ['town-1']],
  ] as const)('%s', (_name, scope, requested, expected) => {
    expect(resolveAudienceRegions(scope, requested as string[] | undefined, REGIONS)).toEqual(expected);
  });

  it.each([
    ['a town admin addressing another town', town1, ['town-2']],
    ['a town admin addressing a village of another town', town1, ['village-2-1']],
    ['a town admin addressing the whole county', town1, ['county-1']],
    ['a village admin addressing their town', village11, ['town-1']],
    ['an admin addressing a region that does not exist', county, ['town-9']],
  ] as const)('%s is FORBIDDEN', (_name, scope, requested) => {
    expect(() => resolveAudienceRegions(scope, [...requested], REGIONS)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});

describe('which regions helpers are matched on', () => {
  it.each([
    ['a town stays the town', ['town-1'], ['town-1']],
    ['a village reaches the helpers of its town', ['village-1-1'], ['town-1']],
    ['two villages of one town reach that town once', ['village-1-1', 'village-1-1'], ['town-1']],
    ['the county stays the county', ['county-1'], ['county-1']],
  ])('%s', (_name, ids, expected) => {
    expect(helperRegionIds(ids, REGIONS)).toEqual(expected);
  });
});

const at = '2026-11-20T00:00:00.000Z';
const notice = (over: Partial<Notice> = {}): Notice => ({
  _id: 'n1',
  title: 't',
  body: 'b',
  requireAck: false,
  pinned: false,
  status: 'published',
  authorId: 'admin-county',
  authorName: '周主任',
  audience: { roles: ['helper'], regionIds: ['village-1-1'] },
  helperRegionIds: ['town-1'],
  scopePath: ['county-1'],
  publishedAt: at,
  revokedAt: null,
  remindedAt: null,
  createdAt: at,
  ...over,
});
const user = (id: string, role: User['role'], regionPath: string[], scope?: Scope): User => ({
  _id: id,
  openid: id,
  role,
  name: id,
  regionPath,
  active: true,
  createdAt: at,
  ...(scope ? { scope } : {}),
});

describe('who a notice is addressed to', () => {
  it.each([
    ["a helper of the village's town", true, user('h1', 'helper', ['county-1', 'town-1']), notice()],
    ['a helper of another town', false, user('h2', 'helper', ['county-1', 'town-2']), notice()],
    ['a household in the village, when households are not in the audience', false, user('u1', 'household', ['county-1', 'town-1', 'village-1-1']), notice()],
    [
      'a household in the village',
      true,
      user('u1', 'household', ['county-1', 'town-1', 'village-1-1']),
      notice({ audience: { roles: ['household'], regionIds: ['village-1-1'] } }),
    ],
    [
      'a household in another village of the town',
      false,
      user('u2', 'household', ['county-1', 'town-1', 'village-1-2']),
      notice({ audience: { roles: ['household'], regionIds: ['village-1-1'] } }),
    ],
    [
      'a village admin when admins of the town are addressed',
      true,
      user('a3', 'admin', ['county-1', 'town-1', 'village-1-1']),
      notice({ audience: { roles: ['admin'], regionIds: ['town-1'] } }),
    ],
    [
      'the county admin when admins of a town are addressed',
      false,
      user('a1', 'admin', ['county-1']),
      notice({ audience: { roles: ['admin'], regionIds: ['town-1'] } }),
    ],
    ['anyone, while the notice is a draft', false, user('h1', 'helper', ['county-1', 'town-1']), notice({ status: 'draft' })],
    ['its own author', false, user('admin-county', 'admin', ['county-1']), notice({ audience: { roles: ['admin'], regionIds: ['county-1'] } })],
    ['a helper of the town, after it was withdrawn', true, user('h1', 'helper', ['county-1', 'town-1']), notice({ status: 'revoked' })],
  ])('%s: %s', (_name, expected, who, n) => {
    expect(isAddressedTo(n as Notice, who as User)).toBe(expected);
  });
});

describe('who may manage a notice', () => {
  it.each([
    ["the county admin, a town admin's notice", true, user('a1', 'admin', ['county-1'], county), ['county-1', 'town-1']],
    ["a town admin, the county's notice", false, user('a2', 'admin', ['county-1', 'town-1'], town1), ['county-1']],
    ['a town admin, a notice of another town', false, user('a2', 'admin', ['county-1', 'town-1'], town1), ['county-1', 'town-2']],
    ['a helper, any notice', false, user('h1', 'helper', ['county-1', 'town-1'], town1), ['county-1', 'town-1']],
  ])('%s: %s', (_name, expected, who, scopePath) => {
    expect(canManage({ scopePath: scopePath as string[] }, who as User)).toBe(expected);
  });
});

describe('the order of a notice list', () => {
  it('puts pinned notices first, then the newest, and never pins a withdrawn one', () => {
    const list = [
      notice({ _id: 'old', publishedAt: '2026-11-01T00:00:00.000Z' }),
      notice({ _id: 'pinned-old', pinned: true, publishedAt: '2026-10-01T00:00:00.000Z' }),
      notice({ _id: 'new', publishedAt: '2026-11-10T00:00:00.000Z' }),
      notice({ _id: 'revoked-pinned', pinned: true, status: 'revoked', publishedAt: '2026-11-05T00:00:00.000Z' }),
    ];
    expect(list.sort(byPinnedThenNewest).map((n) => n._id)).toEqual(['pinned-old', 'new', 'revoked-pinned', 'old']);
  });
});
