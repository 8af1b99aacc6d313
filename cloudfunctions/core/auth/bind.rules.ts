/** 5 wrong tries within an hour lock the WeChat account out of binding for an hour. */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 60 * 60 * 1000;
export const LOCK_MS = 60 * 60 * 1000;

/** One message for every wrong answer: it never says which field was wrong. */
export const NO_MATCH_MESSAGE = '没有找到匹配的家庭成员，请核对姓名、身份证号后 6 位和手机号；如仍无法绑定，请联系帮扶责任人或扶贫办代为绑定';
/** A bind code is valid for 24 hours after the admin generates it. */
export const BIND_CODE_TTL_MS = 24 * 60 * 60 * 1000;
/** One message whether the code is wrong, expired or already used. */
export const BIND_CODE_MESSAGE = '绑定码不正确或已失效，请核对后再试；如仍无法绑定，请联系扶贫办重新生成绑定码';
export const LOCKED_MESSAGE = '尝试次数过多，请 1 小时后再试，或联系帮扶责任人、扶贫办代为绑定';

/** Whether a member matches what the person typed (name, the ID number's last 6, phone). */
export function memberMatches(member: { name: string; idNumber: string; phone?: string }, input: { name: string; idSuffix: string; phone: string }): boolean {
  return member.name === input.name && member.idNumber.endsWith(input.idSuffix) && member.phone === input.phone;
}

/** Whether this failure (the latest one being `now`) is the one that locks the caller out. */
export function shouldLock(failureTimes: number[], now: number): boolean {
  return failureTimes.filter((t) => now - t < WINDOW_MS).length >= MAX_FAILURES;
}
