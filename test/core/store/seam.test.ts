/**
 * The seam: `Db.reqClass` always answers the embedded requester, and a database without an
 * engine still goes through whatever class node-sdk installed (a cloud database in the same
 * process keeps working).
 */
import { getDb } from '../../../cloudfunctions/core/store';
import { Db } from '../../../cloudfunctions/core/store/embedded/sdk';
import { openTempStore } from './support';

it('databases without an engine keep node-sdk’s requester; the embedded one keeps the engine', async () => {
  const store = openTempStore();
  try {
    const calls: string[] = [];
    class CloudRequester {
      async send(action: string) {
        calls.push(action);
        return { requestId: 'cloud', data: { total: 7 } };
      }
    }
    Db.reqClass = CloudRequester; // what node-sdk's app.database() does on every call
    const cloud = new Db({ env: 'some-cloud-env' });
    expect((await cloud.collection('households').count()).total).toBe(7);
    expect(calls).toEqual(['database.calculateDocument']);
    expect((await getDb().collection('households').count()).total).toBe(0);
    expect(calls).toHaveLength(1);
  } finally {
    store.dispose();
  }
});
