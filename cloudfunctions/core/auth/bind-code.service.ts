import { createHash, randomInt } from 'node:crypto';
import type { WhoAmI } from '../../../types/api/auth';
import type { AdminCtx, SignedInCtx } from '../handler';
import { audit } from '../audit/audit.service';
import { conflict, notFound } from '../errors';
import { administeredHousehold } from '../access';
import { findHousehold } from '../households/household.repository';
import { derivedId } from '../store/derived-id';
import { bindCaller, type Attempt } from './bind.service';
import { isLiveCode, putBindCode, unusedCodes, useCode } from './bind-code.repository';
import { BIND_CODE_DIGITS, BIND_CODE_MESSAGE, BIND_CODE_TTL_MS } from './bind.rules';

/**
 * Bind codes let an admin bind a member who cannot answer the questions (no registered phone, an
 * elderly member): the admin hands over 10 digits, the member types them on the bind page. Only a
 * hash is stored, so the codes cannot be read back from the database by anyone browsing it.
 */
const hashOf = (code: string) => createHash('sha256').update(`bangfu-bind-code:${code}`).digest('hex');
/** One code per member: its document id, so a new code overwrites the old one. */
const codeIdOf = (householdId: string, memberId: string) => derivedId('bind-code', [householdId, memberId], '__');

/** A random 10-digit code no other live code has (10^10 codes, so almost always the first). */
async function freshCode(now: Date): Promise<string> {
  for (let i = 0; i < 10; i++) {
    const code = String(randomInt(0, 10 ** BIND_CODE_DIGITS)).padStart(BIND_CODE_DIGITS, '0');
    if (!(await isLiveCode(hashOf(code), now))) return code;
  }
  throw conflict('暂时无法生成绑定码，请稍后再试');
}

/** 生成绑定码: an admin of the household's region makes a one-time code for one of its members. */
export async function createBindCode(ctx: AdminCtx, input: { householdId: string; memberId: string }): Promise<{ code: string; expiresAt: string }> {
  const household = await administeredHousehold(ctx.user, input.householdId);
  const member = household.members.find((m) => m.id === input.memberId);
  if (!member) throw notFound('没有找到该成员');
  const code = await freshCode(ctx.now);
  const expiresAt = new Date(ctx.now.getTime() + BIND_CODE_TTL_MS).toISOString();
  await putBindCode(codeIdOf(household._id, member.id), {
    householdId: household._id,
    memberId: member.id,
    codeHash: hashOf(code),
    used: false,
    createdBy: ctx.user._id,
    createdAt: ctx.now.toISOString(),
    expiresAt,
  });
  await audit(ctx, { action: 'create_bind_code', householdId: household._id, memberId: member.id });
  return { code, expiresAt };
}

/**
 * Marks the code used and answers whom it binds to; null when it is wrong, expired or already used.
 * The update is conditional on `used: false`, so two people typing the same code bind only once.
 */
async function claim(code: string, now: Date): Promise<Attempt> {
  return { found: await claimed(code, now), households: [] };
}

async function claimed(code: string, now: Date) {
  const codeHash = hashOf(code);
  const live = (await unusedCodes(codeHash)).find((c) => c.expiresAt > now.toISOString());
  if (!live || !(await useCode(live, now))) return null;
  const household = await findHousehold(live.householdId);
  const member = household?.members.find((m) => m.id === live.memberId);
  return household && member ? { household, member } : null;
}

/**
 * 用绑定码绑定: the same binding as bindHousehold, with the same per-caller lockout, its own
 * county-wide limit and one generic message. A wrong code names no household, so it counts against
 * no household; and a household paused for wrong answers can still bind with a code (the remedy
 * its village admin offers).
 */
export async function bindWithCode(ctx: SignedInCtx, input: { code: string }): Promise<WhoAmI> {
  const me = await bindCaller(ctx, 'code', () => claim(input.code, ctx.now), BIND_CODE_MESSAGE);
  // The caller had no account before this call: the new one is named in the entry.
  if (me.household && me.userId) await audit(ctx, { action: 'bind_with_code', householdId: me.household.id, detail: { userId: me.userId } });
  return me;
}
