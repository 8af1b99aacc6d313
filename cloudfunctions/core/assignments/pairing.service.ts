import type { HouseholdContact, Pairing, PairingRole } from '../../../types/pairing';
import type { HouseholdHelper, PairingItem } from '../../../types/api/assignments';
import type { AdminCtx, CallerCtx, StaffCtx } from '../handler';
import { conflict, forbidden, invalid, notFound } from '../errors';
import { regionNames } from '../regions/region.repository';
import { adminScope, inScope } from '../access/scope';
import { administeredHousehold, readableHousehold } from '../access';
import { findHousehold, householdPlaces } from '../households/household.repository';
import { usersByIds } from '../users/user.repository';
import { ensureCanServe, managedHelper } from './helpers';
import { activePairings, endPairing, findPairing, pairingsOfHousehold, replacePairing } from './pairing.repository';
import { handOverOpenNeeds } from '../needs/need.repository';
import { householdContact } from './contact.service';

/**
 * The household's pairing in this role goes to `toHelperId`. When the primary helper changes, the
 * needs routed to the former one follow the household (SPEC §2: needs go to the primary helper),
 * so the former helper keeps nothing of it and the new one can act at once.
 */
async function pairAnew(ctx: AdminCtx, householdId: string, role: PairingRole, toHelperId: string): Promise<Pairing> {
  const before = role === 'primary' ? await activePairings({ householdId, role }) : [];
  const at = ctx.now.toISOString();
  const pairing = await replacePairing(householdId, role, toHelperId, at);
  const formers = role !== 'primary' ? [] : before.length ? before.map((p) => p.helperId).filter((id) => id !== toHelperId) : [null];
  for (const former of formers) await handOverOpenNeeds(householdId, former, toHelperId, ctx.user._id, at);
  return pairing;
}

/** A helper may list only their own pairings; an admin those of helpers working in their region. */
async function resolveHelperId(ctx: StaffCtx, requested: string | undefined): Promise<string> {
  const { user } = ctx;
  if (user.role === 'helper') {
    if (requested && requested !== user._id) throw forbidden('只能查看自己的结对帮扶户');
    return user._id;
  }
  if (!requested) throw notFound('请指定要查看的帮扶责任人');
  return (await managedHelper(adminScope(user), requested))._id;
}

/** 我的帮扶户: the helper's active pairings with each household's head and village. */
export async function listByHelper(ctx: StaffCtx, input: { helperId?: string }): Promise<{ items: PairingItem[] }> {
  const helperId = await resolveHelperId(ctx, input.helperId);
  const pairings = await activePairings({ helperId });
  if (!pairings.length) return { items: [] };
  const byId = await householdPlaces(pairings.map((p) => p.householdId));
  const names = await regionNames([...byId.values()].map((h) => h.villageId));
  // An admin sees only the pairings of households in their own region.
  const scope = ctx.user.role === 'admin' ? ctx.user.scope : undefined;
  const visible = scope
    ? pairings.filter((p) => {
        const h = byId.get(p.householdId);
        return !!h && inScope(scope, h);
      })
    : pairings;
  const items = visible.map((p) => {
    const h = byId.get(p.householdId);
    return { ...p, householdHeadName: h?.headName, villageName: h ? names.get(h.villageId) : undefined };
  });
  items.sort(
    (a, b) => (a.villageName ?? '').localeCompare(b.villageName ?? '', 'zh') || (a.householdHeadName ?? '').localeCompare(b.householdHeadName ?? '', 'zh'),
  );
  return { items };
}

/** 结对: pairs the helper with the household; the household's current helper in that role becomes history. */
export async function assign(ctx: AdminCtx, input: { householdId: string; helperId: string; role: PairingRole }): Promise<Pairing> {
  const household = await administeredHousehold(ctx.user, input.householdId);
  const helper = await managedHelper(adminScope(ctx.user), input.helperId);
  ensureCanServe(helper, household, input.role);
  const current = (await activePairings({ householdId: household._id, role: input.role })).find((p) => p.helperId === helper._id);
  if (current) return current;
  return pairAnew(ctx, household._id, input.role, helper._id);
}

/** A health or education pairing ends; the primary helper can only be replaced (每户必须有主帮扶人). */
export async function unassign(ctx: AdminCtx, input: { pairingId: string }): Promise<Pairing> {
  const pairing = await findPairing(input.pairingId);
  if (!pairing) throw notFound('没有找到该结对记录，或不在您的管辖范围内');
  await administeredHousehold(ctx.user, pairing.householdId).catch(() => {
    throw notFound('没有找到该结对记录，或不在您的管辖范围内');
  });
  if (!pairing.active) throw conflict('该结对已经解除');
  if (pairing.role === 'primary') throw invalid('每户必须有一位主帮扶人：请改为「调整帮扶人」，不能直接解除');
  return endPairing(pairing, ctx.now.toISOString());
}

/** One answer for a pairing that is gone, ended, or outside the caller's region: which one is not said. */
const PAIRING_GONE = '所选的结对不存在、已解除或不在您的管辖范围内，请刷新后再试';

/** Moves pairings to another helper, each keeping its role; answers how many moved. */
async function movePairings(ctx: AdminCtx, pairings: Pairing[], toHelperId: string): Promise<number> {
  const scope = adminScope(ctx.user);
  const to = await managedHelper(scope, toHelperId);
  const moves = [];
  for (const p of pairings) {
    const household = await findHousehold(p.householdId);
    if (!household || !inScope(scope, household)) throw notFound(PAIRING_GONE);
    if (p.helperId === to._id) continue;
    ensureCanServe(to, household, p.role);
    moves.push(p);
  }
  for (const p of moves) await pairAnew(ctx, p.householdId, p.role, to._id);
  return moves.length;
}

export async function reassign(ctx: AdminCtx, input: { pairingIds: string[]; toHelperId: string }): Promise<{ moved: number }> {
  const pairings = [];
  for (const id of new Set(input.pairingIds)) {
    const p = await findPairing(id);
    if (!p || !p.active) throw notFound(PAIRING_GONE);
    pairings.push(p);
  }
  return { moved: await movePairings(ctx, pairings, input.toHelperId) };
}

/** 帮扶人调离: every household of one helper (in the admin's region) moves to another in one step. */
export async function reassignAll(ctx: AdminCtx, input: { fromHelperId: string; toHelperId: string }): Promise<{ moved: number }> {
  if (input.fromHelperId === input.toHelperId) throw invalid('调出和接收的帮扶责任人不能是同一人');
  const from = await managedHelper(adminScope(ctx.user), input.fromHelperId);
  const scope = ctx.user.scope;
  const all = await activePairings({ helperId: from._id });
  const inRegion = [];
  for (const p of all) {
    const h = await findHousehold(p.householdId);
    if (h && inScope(scope, h)) inRegion.push(p);
  }
  return { moved: await movePairings(ctx, inRegion, input.toHelperId) };
}

/**
 * The household's helpers (and with `history`, the ended pairings), for its detail page. A helper's
 * phone goes to those who call them, and readableHousehold lets no one else past: the household's
 * own members, admins of its region, and its other helpers (a doctor and the primary helper plan
 * visits together). It is sent only while the pairing lasts and the helper's account is active:
 * a former or deactivated helper is nobody's to call about this household any more. `contact` is
 * whom the household calls (householdContact: primary helper, else the village admin).
 */
export async function listByHousehold(
  ctx: CallerCtx,
  input: { householdId: string; history: boolean },
): Promise<{ items: HouseholdHelper[]; contact: HouseholdContact | null }> {
  const household = await readableHousehold(ctx.user, input.householdId);
  const pairings = await pairingsOfHousehold(household._id, input.history && ctx.user.role === 'admin');
  const [helpers, contact] = await Promise.all([usersByIds(pairings.map((p) => p.helperId)), householdContact(household, ctx.user)]);
  const byId = new Map(helpers.map((h) => [h._id, h]));
  const order: PairingRole[] = ['primary', 'health', 'education'];
  return {
    items: pairings
      .map((p) => {
        const h = byId.get(p.helperId);
        return {
          ...p,
          helperName: h?.name ?? '（已注销）',
          helperKind: h?.helperKind ?? null,
          unit: h?.unit ?? null,
          phone: p.active && h?.active ? (h.phone ?? null) : null,
        };
      })
      .sort((a, b) => Number(b.active) - Number(a.active) || order.indexOf(a.role) - order.indexOf(b.role)),
    contact: contact && { kind: contact.kind, name: contact.name, phone: contact.phone },
  };
}
