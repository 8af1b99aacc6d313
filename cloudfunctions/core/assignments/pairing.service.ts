import { z } from '../../../types/z';
import { Pairing } from '../../../types/pairing';
import type { PairingItem } from '../../../types/api/assignments';
import type { Ctx } from '../handler';
import { getDb } from '../store';
import { forbidden, notFound } from '../errors';
import { regionNames } from '../regions/region.repository';

type PairingItem = z.infer<typeof PairingItem>;

/** A helper may list only their own pairings; an admin those of helpers working in their region. */
async function resolveHelperId(ctx: Ctx, requested: string | undefined): Promise<string> {
  const user = ctx.user!;
  if (user.role === 'helper') {
    if (requested && requested !== user._id) throw forbidden('只能查看自己的结对帮扶户');
    return user._id;
  }
  if (!requested) throw notFound('请指定要查看的帮扶责任人');
  const { data } = await getDb().collection('users').doc(requested).get();
  const helper = data[0] as { role?: string; regionPath?: string[] } | undefined;
  if (!helper || helper.role !== 'helper' || !helper.regionPath?.includes(user.scope!.regionId)) throw notFound('没有找到该帮扶责任人，或不在您的管辖范围内');
  return requested;
}

/** 我的帮扶户: the helper's active pairings with each household's head and village. */
export async function listByHelper(ctx: Ctx, input: { helperId?: string }): Promise<{ items: PairingItem[] }> {
  const helperId = await resolveHelperId(ctx, input.helperId);
  const db = getDb();
  const { data } = await db.collection('pairings').where({ helperId, active: true }).limit(1000).get();
  const pairings = data.map((d) => Pairing.parse(d));
  if (!pairings.length) return { items: [] };
  const _ = db.command;
  const households = await db.collection('households')
    .where({ _id: _.in(pairings.map((p) => p.householdId)) })
    .field({ headName: true, villageId: true })
    .limit(1000)
    .get();
  const byId = new Map(households.data.map((h) => [h._id as string, h as { headName: string; villageId: string }]));
  const names = await regionNames([...byId.values()].map((h) => h.villageId));
  const items = pairings.map((p) => {
    const h = byId.get(p.householdId);
    return { ...p, householdHeadName: h?.headName, villageName: h ? names.get(h.villageId) : undefined };
  });
  items.sort((a, b) => (a.villageName ?? '').localeCompare(b.villageName ?? '', 'zh') || (a.householdHeadName ?? '').localeCompare(b.householdHeadName ?? '', 'zh'));
  return { items };
}
