import { derivedId, MAX_ID_LENGTH } from '../../../cloudfunctions/core/store/derived-id';

const UUID_A = '3f1c2a9e-7b4d-4e21-9c0a-5d6e7f8a9b0c';
const UUID_B = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';

describe('an id made of other ids', () => {
  it.each([
    ['a seeded pairing', ['hh-000062', 'primary'], '-', 'hh-000062-primary'],
    ["a seeded household's 兑现 record", ['hh-000001', 'medical_premium', 'hh-000001-m2', 2026], '-', 'hh-000001-medical_premium-hh-000001-m2-2026'],
    ['a visit month of a UUID household', [UUID_A, '2026-11'], ':', `${UUID_A}:2026-11`],
    ['a plan of a UUID household', [UUID_A, 2026], '-', `${UUID_A}-2026`],
  ])('keeps %s readable and unchanged when it fits in 64 characters', (_name, parts, separator, expected) => {
    expect(derivedId('x', parts, separator)).toBe(expected);
  });

  it('hashes a member-level record of a UUID household and member into 64 characters with its kind in front', () => {
    const id = derivedId('benefit', [UUID_A, 'medical_premium', UUID_B, '2026']);
    expect(id).toMatch(/^benefit-[A-Za-z0-9_-]{43}$/);
    expect(id.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
  });

  it('stays within 64 characters whatever the inputs: two 64-character ids and a long kind', () => {
    const long = 'x'.repeat(64);
    expect(derivedId('notice-read-12345678', [long, long], '__').length).toBeLessThanOrEqual(MAX_ID_LENGTH);
  });

  it('gives the same id for the same parts (a retry finds the record it wrote)', () => {
    expect(derivedId('benefit', [UUID_A, 'dibao', UUID_B, '2026-03'])).toBe(derivedId('benefit', [UUID_A, 'dibao', UUID_B, '2026-03']));
  });

  it('gives a different id for another period', () => {
    expect(derivedId('benefit', [UUID_A, 'dibao', UUID_B, '2026-04'])).not.toBe(derivedId('benefit', [UUID_A, 'dibao', UUID_B, '2026-03']));
  });

  it('gives different ids to long parts that only join to the same text', () => {
    expect(derivedId('benefit', [`${UUID_A}-dibao`, UUID_B, '2026-03'])).not.toBe(derivedId('benefit', [UUID_A, `dibao-${UUID_B}`, '2026-03']));
  });

  it('gives a different id for the same parts of another kind', () => {
    const parts = [UUID_A, UUID_B];
    expect(derivedId('bind-code', parts, '__')).not.toBe(derivedId('notice-read', parts, '__'));
  });

  it('refuses a kind too long to leave room for the hash', () => {
    expect(() => derivedId('k'.repeat(21), ['a'])).toThrow('kind');
  });
});
