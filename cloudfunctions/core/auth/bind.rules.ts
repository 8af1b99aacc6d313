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

/** The two ways a person binds themselves: the three answers, or a code an admin made. */
export type BindVia = 'answers' | 'code';

/**
 * Per household (issue #19 item 7): a guesser rotating WeChat accounts gets past the per-caller
 * lock, so wrong answers naming a member of one household are also counted against it. 10 in
 * 24 hours pause self-binding for that household for 24 hours and alert its village admin; a bind
 * code from the admin still works. Only a try whose name matches a member is counted against a
 * household: anything else says nothing about which household is being guessed.
 */
export const HOUSEHOLD_MAX_FAILURES = 10;
export const HOUSEHOLD_WINDOW_MS = 24 * 60 * 60 * 1000;
export const HOUSEHOLD_LOCK_MS = 24 * 60 * 60 * 1000;
export const HOUSEHOLD_LOCKED_MESSAGE = '这户的绑定尝试次数过多，今天已暂停自助绑定，请明天再试；急需绑定请联系村干部（村级管理员）为您生成绑定码';

/**
 * County-wide, per hour: far above what real people need (a county binds a few dozen a day), far
 * below what guessing needs. Codes get their own, lower limit: a right guess binds outright.
 */
export const GLOBAL_WINDOW_MS = 60 * 60 * 1000;
export const GLOBAL_MAX_FAILURES: Record<BindVia, number> = { answers: 200, code: 50 };
export const GLOBAL_BUSY_MESSAGE: Record<BindVia, string> = {
  answers: '当前绑定尝试过于频繁，自助绑定暂停 1 小时，请稍后再试；急需绑定请联系村干部（村级管理员）为您生成绑定码',
  code: '当前绑定码尝试过于频繁，用绑定码绑定暂停 1 小时，请稍后再试；如急需绑定请联系村干部（村级管理员）',
};

/** Whether this many failures against one household within 24 hours lock it. */
export const householdShouldLock = (failuresInWindow: number) => failuresInWindow >= HOUSEHOLD_MAX_FAILURES;

/** Whether this many failures of one kind county-wide within the hour stop further tries of that kind. */
export const globalExceeded = (via: BindVia, failuresInWindow: number) => failuresInWindow >= GLOBAL_MAX_FAILURES[via];

/**
 * Bind codes: 10 digits (10^10), typed on a phone's number pad. With 50 wrong codes an hour allowed
 * county-wide, a year of non-stop guessing hits one of a hundred live codes with odds under 1 in 200.
 */
export const BIND_CODE_DIGITS = 10;
