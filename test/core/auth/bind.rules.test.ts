import { globalExceeded, householdShouldLock, memberMatches, shouldLock } from '../../../cloudfunctions/core/auth/bind.rules';

const member = { name: '王德福', idNumber: '99010219580502001X', phone: '13912345678' };
const minute = 60_000;

describe('binding answers', () => {
  it.each([
    ['all three answers match', { name: '王德福', idSuffix: '02001X', phone: '13912345678' }, true],
    ['the name differs', { name: '王德', idSuffix: '02001X', phone: '13912345678' }, false],
    ['the ID suffix differs', { name: '王德福', idSuffix: '020011', phone: '13912345678' }, false],
    ['the phone differs', { name: '王德福', idSuffix: '02001X', phone: '13912345679' }, false],
  ])('match when %s: %s', (_s, input, expected) => {
    expect(memberMatches(member, input)).toBe(expected);
  });

  it('a member without a phone can never match (an admin binds them instead)', () => {
    expect(memberMatches({ ...member, phone: undefined }, { name: '王德福', idSuffix: '02001X', phone: '13912345678' })).toBe(false);
  });
});

describe('lock-out', () => {
  it.each([
    ['4 failures within an hour do not lock', [0, 1, 2, 3], 3, false],
    ['5 failures within an hour lock', [0, 1, 2, 3, 4], 4, true],
    ['5 failures over more than an hour do not lock', [0, 20, 40, 60, 80], 80, false],
  ])('%s', (_s, minutes, now, expected) => {
    expect(
      shouldLock(
        minutes.map((m) => m * minute),
        now * minute,
      ),
    ).toBe(expected);
  });
});

describe('limits beyond one caller', () => {
  it.each([
    ["9 wrong tries naming a household's members within 24 hours do not lock it", 9, false],
    ['the 10th locks it', 10, true],
  ])('%s', (_s, failures, expected) => {
    expect(householdShouldLock(failures)).toBe(expected);
  });

  it.each([
    ['199 wrong answers county-wide in an hour still let people try', 'answers', 199, false],
    ['200 stop answer binding for the rest of the hour', 'answers', 200, true],
    ['49 wrong codes in an hour still let people try', 'code', 49, false],
    ['50 stop code binding for the rest of the hour', 'code', 50, true],
  ] as const)('%s', (_s, via, failures, expected) => {
    expect(globalExceeded(via, failures)).toBe(expected);
  });
});
