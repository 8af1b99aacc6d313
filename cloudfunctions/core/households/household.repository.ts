import { Household } from '../../../types/household';
import { getDb } from '../store';

export async function findHousehold(id: string): Promise<Household | null> {
  const { data } = await getDb().collection('households').doc(id).get();
  return data.length ? Household.parse(data[0]) : null;
}
