import { Household } from '../../../types/household';
import { getDb } from '../store';
import { conflict } from '../errors';
import { storedHousehold, withDerived } from './household.derived';

export async function findHousehold(id: string): Promise<Household | null> {
  const { data } = await getDb().collection('households').doc(id).get();
  return data.length ? Household.parse(data[0]) : null;
}

/**
 * Writes a changed household if nobody else changed it since it was read (`version` check);
 * answers the stored document with its version bumped. Every household write keeps its derived
 * fields (`withDerived`) in step.
 */
export async function saveHousehold(next: Household, expectedVersion: number): Promise<Household> {
  const { _id, ...fields } = withDerived({ ...next, version: expectedVersion + 1 });
  const { updated } = await getDb().collection('households').where({ _id, version: expectedVersion }).update(fields);
  if (!updated) throw conflict('该户信息已被其他人修改，请刷新后再改');
  return { ...next, version: expectedVersion + 1 };
}

/** A new household has received nothing yet: its 兑现摘要 starts empty, as a rebuild would write it. */
export async function insertHousehold(household: Household): Promise<void> {
  await getDb().collection('households').add(storedHousehold(household));
}

/** Households holding any of these ID numbers (the registry's natural key), with those numbers. */
export async function householdsByIdNumbers(idNumbers: string[]): Promise<Household[]> {
  const _ = getDb().command;
  const found = new Map<string, Household>();
  for (let i = 0; i < idNumbers.length; i += 200) {
    const { data } = await getDb().collection('households')
      .where({ 'members.idNumber': _.in(idNumbers.slice(i, i + 200)) }).limit(1000).get();
    for (const d of data) found.set(d._id as string, Household.parse(d));
  }
  return [...found.values()];
}

/** A household by its code, with what a clash check needs: where it is and whose it is. */
export type CodeHolder = Pick<Household, '_id' | 'headName' | 'countyId' | 'townId' | 'villageId'>;

export async function householdsByCodes(codes: string[]): Promise<Map<string, CodeHolder>> {
  const _ = getDb().command;
  const found = new Map<string, CodeHolder>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 500) {
    const { data } = await getDb().collection('households').where({ code: _.in(unique.slice(i, i + 500)) })
      .field({ code: true, headName: true, countyId: true, townId: true, villageId: true }).limit(1000).get();
    for (const d of data) {
      found.set(d.code as string, { _id: d._id as string, headName: d.headName as string, countyId: d.countyId as string, townId: d.townId as string, villageId: d.villageId as string });
    }
  }
  return found;
}

/** Ids of households with a member of this name (the first 100): whom a bind try naming them aims at. */
export async function householdIdsWithMemberNamed(name: string): Promise<string[]> {
  const { data } = await getDb().collection('households').where({ 'members.name': name }).field({ _id: true }).limit(100).get();
  return data.map((d) => d._id as string);
}

/** Households with a member of this name and phone (binding narrows by both before checking the ID suffix). */
export async function householdsWithMember(name: string, phone: string): Promise<Household[]> {
  const _ = getDb().command;
  const { data } = await getDb().collection('households').where({ members: _.elemMatch({ name, phone }) }).limit(20).get();
  return data.map((d) => Household.parse(d));
}
