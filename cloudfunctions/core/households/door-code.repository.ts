import { z } from '../../../types/z';
import { conflict } from '../errors';
import { getDb, insertOnce } from '../store';

/** The only code that reads `door_codes`: a door code (a 小程序码's scene) → its household. */
const codes = () => getDb().collection('door_codes');

const DoorCodeDoc = z.object({ _id: z.string(), householdId: z.string(), createdAt: z.string() });
type DoorCodeDoc = z.infer<typeof DoorCodeDoc>;
const parse = (d: Record<string, unknown>) => DoorCodeDoc.parse(d);

/** Stores `code → householdId` once; printing the card again reuses it. */
export async function keepDoorCode(code: string, householdId: string, at: string): Promise<void> {
  await insertOnce(codes(), code, {
    parse,
    build: () => ({ _id: code, householdId, createdAt: at }),
    same: (stored) => stored.householdId === householdId,
    clash: () => conflict('门牌码编号冲突，请联系县扶贫办'),
  });
}

export async function householdOfDoorCode(code: string): Promise<string | null> {
  const { data } = await codes().doc(code).get();
  return data.length ? parse(data[0] as Record<string, unknown>).householdId : null;
}
