import { IdNumber, Mobile, idCheckChar, idNumberFacts, maskIdNumber, maskPhone } from '../../types';

const valid = (first17: string) => first17 + idCheckChar(first17);

describe('ID numbers (GB 11643)', () => {
  it.each([
    ['the standard example 11010519491231002X is valid', '11010519491231002X', true],
    ['a lower-case x is accepted and upper-cased', '11010519491231002x', true],
    ['a wrong check character is refused', '110105194912310021', false],
    ['17 digits are refused', '11010519491231002', false],
    ['a 30th of February is refused', valid('11010520000230002'), false],
    ['letters inside are refused', '1101051949123A002X', false],
  ])('%s', (_name, value, ok) => {
    expect(IdNumber.safeParse(value).success).toBe(ok);
  });

  it('explains a bad checksum in Chinese', () => {
    const result = IdNumber.safeParse('110105194912310021');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toContain('校验位');
  });

  it('reads birth date and sex from the number, so they are never typed twice', () => {
    expect(idNumberFacts('11010519491231002X')).toEqual({ birthDate: '1949-12-31', sex: 'female' });
  });

  it('keeps only the public 3-digit prefix and the last two characters: no birth digit, not the bind suffix', () => {
    expect(maskIdNumber('370102199001011234')).toBe('370*************34');
  });
});

describe('mobile numbers', () => {
  it.each([
    ['13812345678', true],
    ['12812345678', false],
    ['1381234567', false],
    ['138123456789', false],
  ])('%s valid: %s', (value, ok) => {
    expect(Mobile.safeParse(value).success).toBe(ok);
  });

  it('masks the middle four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
