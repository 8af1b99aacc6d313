import { createHash } from 'node:crypto';
import type { DoorCode } from '../../../types/api/households';
import type { CallerCtx, StaffCtx } from '../handler';
import { hiddenHousehold, readableHousehold } from '../access';
import { wechat } from '../wechat';
import { householdOfDoorCode, keepDoorCode } from './door-code.repository';

/** The card page, as wxacode.getUnlimited wants it: no leading `/`, no query (client ROUTES.householdCard). */
export const CARD_PAGE = 'package-common/pages/card/index';
const CODE_LENGTH = 10;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A household's door code: 10 base-62 characters of a hash of its record id (well inside the
 * 32 characters a scene allows, and free of `%`, which a scene cannot hold). The same household
 * always gets the same code, so a reprinted card matches the old one; the code says nothing about
 * the household, and reading the card still needs a member, its helper or an admin in scope.
 */
export function doorCodeOf(householdId: string): string {
  let n = BigInt(`0x${createHash('sha256').update(`door:${householdId}`).digest('hex')}`);
  let code = '';
  while (code.length < CODE_LENGTH) {
    code += BASE62[Number(n % 62n)];
    n /= 62n;
  }
  return code;
}

export async function issueDoorCode(ctx: StaffCtx, input: { householdId: string }): Promise<DoorCode> {
  const household = await readableHousehold(ctx.user, input.householdId);
  const scene = doorCodeOf(household._id);
  await keepDoorCode(scene, household._id, ctx.now.toISOString());
  const { contentType, buffer } = await wechat().wxaCode({ scene, page: CARD_PAGE, width: 430 });
  return { scene, page: CARD_PAGE, image: `data:${contentType};base64,${buffer.toString('base64')}` };
}

/**
 * A scanned code's household, for a caller who may read its card. An unknown code gets the same
 * answer as a household the caller may not see, so trying codes tells nobody which ones exist.
 */
export async function openDoorCode(ctx: CallerCtx, input: { scene: string }): Promise<{ householdId: string }> {
  const householdId = await householdOfDoorCode(input.scene);
  if (!householdId) throw hiddenHousehold();
  return { householdId: (await readableHousehold(ctx.user, householdId))._id };
}
