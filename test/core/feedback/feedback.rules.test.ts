import { countyOfAuthor, readableByAdmin, writtenBy } from '../../../cloudfunctions/core/feedback/feedback.rules';

describe('意见建议 go to the county office', () => {
  test("a household member's item goes to their household's county", () => {
    expect(countyOfAuthor({ role: 'household', regionPath: [] }, 'county-1')).toBe('county-1');
  });
  test('a helper working in town-2 of county-1 writes to county-1', () => {
    expect(countyOfAuthor({ role: 'helper', regionPath: ['county-1', 'town-2'] }, null)).toBe('county-1');
  });
  test('a helper with no region yet has no office to write to', () => {
    expect(countyOfAuthor({ role: 'helper', regionPath: [] }, null)).toBeNull();
  });
  test.each([
    ["a county-1 admin reads county-1's items", { level: 'county', regionId: 'county-1' }, true],
    ['a county-2 admin does not', { level: 'county', regionId: 'county-2' }, false],
    ['a town admin inside county-1 does not (an item may be about them)', { level: 'town', regionId: 'town-1' }, false],
    ['a village admin does not', { level: 'village', regionId: 'village-1-1' }, false],
  ] as const)('%s', (_name, scope, expected) => {
    expect(readableByAdmin(scope, { countyId: 'county-1' })).toBe(expected);
  });
  test('the writer is recognised by account id only', () => {
    expect(writtenBy({ _id: 'u1' }, { authorId: 'u1' })).toBe(true);
    expect(writtenBy({ _id: 'u2' }, { authorId: 'u1' })).toBe(false);
  });
});
