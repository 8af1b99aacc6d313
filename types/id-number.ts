/**
 * Resident ID numbers (居民身份证号码, GB 11643-1999) and mobile numbers: validated here, once,
 * for client and server alike. Masking lives here too so every screen masks the same way.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The GB 11643 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export type IdNumberProblem = 'format' | 'birthDate' | 'checksum';

/** Why an ID number is invalid, or null when it is valid. */
export function idNumberProblem(value: string): IdNumberProblem | null {
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'birthDate';
  if (idCheckChar(value.slice(0, 17)) !== value[17]) return 'checksum';
  return null;
}

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号应为 18 位，前 17 位为数字，最后一位为数字或大写 X',
  birthDate: '身份证号中的出生日期不存在，请核对第 7 至 14 位',
  checksum: '身份证号校验位不正确，请逐位核对后重新输入',
};

/** Birth date (YYYY-MM-DD) and sex read from a valid ID number. */
export function idNumberFacts(value: string): { birthDate: string; sex: 'male' | 'female' } {
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { birthDate, sex };
}

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const MOBILE_MESSAGE = '手机号应为 11 位数字，以 13 至 19 开头';

/**
 * `370102199001011234` → `370*************34`: the public province/city prefix and the last two
 * characters. Nothing of the birth date or of the 6-character suffix binding asks for can be read
 * from it, and views send an age instead of the birth date, so the two cannot be combined back
 * into the number (the old form kept 8 of 18 characters; with the birth date, 16).
 */
export function maskIdNumber(value: string): string {
  if (value.length < 8) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 5) + value.slice(-2);
}

/** `13812345678` → `138****5678`. */
export function maskPhone(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}
