/**
 * Kill during a slow send (issue #12): the helper taps 保存, the request reaches the server but the
 * app is killed before the answer; on reopening, the draft comes back with the same id, and tapping
 * 保存 again leaves one visit on the server, whether or not the queue re-sent it first. Storage is
 * a fake Taro storage that survives the "restart" (a module reload); the transport is a fake
 * server that, like visits.record, answers a re-send of the same body and refuses another body.
 */
import { storage } from '../support/taro-storage';
export {};

const stored = new Map<string, string>();
const requests: Array<{ action: string; payload: any }> = [];
const uploads: string[] = [];
let answer: 'now' | 'never' | { refuse: string } = 'now';

jest.mock('@tarojs/taro', () => jest.requireActual('../support/taro-storage').taroModule);
jest.mock(
  '../../client/src/services/transport',
  () => ({
    send: async (_fn: string, action: string, payload: any) => {
      requests.push({ action, payload });
      if (typeof answer === 'object') return { ok: false, error: { code: 'INVALID_INPUT', message: answer.refuse } };
      const { id, ...body } = payload;
      const known = stored.get(id);
      if (known && known !== JSON.stringify(body)) return { ok: false, error: { code: 'CONFLICT', message: '这条走访记录的编号已被另一条不同的记录使用' } };
      stored.set(id, JSON.stringify(body));
      return answer === 'never' ? new Promise(() => undefined) : { ok: true, data: { _id: id } };
    },
  }),
  { virtual: true },
);
jest.mock('../../client/src/services/network-watch', () => ({ watchNetwork: () => undefined }), { virtual: true });
/** A photo's local file is gone once uploaded (as on both platforms): a second upload of it fails. */
const mockPhotos = () => ({
  isLocalPhoto: (p: string) => p.startsWith('local:'),
  uploadPhoto: async (p: string) => {
    if (uploads.includes(p)) throw new Error('照片文件已丢失，请删除后重新拍摄');
    uploads.push(p);
    return `cloud://${p.slice(6)}`;
  },
  photoUrl: (p: string) => p,
});
jest.mock('../../client/src/services/photos', () => mockPhotos(), { virtual: true });

type App = {
  queue: typeof import('../../client/src/services/offline-queue');
  visits: typeof import('../../client/src/services/visits');
  drafts: typeof import('../../client/src/hooks/use-stored-draft');
  form: typeof import('../../client/src/package-helper/pages/record/use-draft');
  input: typeof import('../../client/src/package-helper/pages/record/visit-input');
};

/** Starts the app afresh on the same storage, as WeChat does after the app was killed. */
function boot(): App {
  let app!: App;
  jest.isolateModules(() => {
    app = {
      queue: require('../../client/src/services/offline-queue'),
      visits: require('../../client/src/services/visits'),
      drafts: require('../../client/src/hooks/use-stored-draft'),
      form: require('../../client/src/package-helper/pages/record/use-draft'),
      input: require('../../client/src/package-helper/pages/record/visit-input'),
    };
  });
  return app;
}

const HH = 'hh-000001';
const KEY = `bf.visitDraft.${HH}`;
const NOW = new Date('2026-11-20T04:00:00Z');
const settle = () => new Promise((r) => setTimeout(r, 0));

/** The helper fills the form: the draft is stored as it is typed (what useStoredDraft does). */
function fillForm(app: App) {
  const draft = {
    ...app.form.blankVisit(),
    date: '2026-11-20',
    notes: '查看养殖情况',
    photos: [{ path: 'local:pig.jpg', preview: 'blob:1' }],
    measureIds: ['m-1'],
    progress: { 'm-1': '40' },
  };
  storage.set(KEY, draft);
  return draft;
}

/** Taps 保存 on the form as it is stored. */
function tapSave(app: App, now = NOW) {
  const draft = app.drafts.loadDraft(KEY, app.form.blankVisit);
  return app.visits.recordVisit(app.input.toInput(HH, draft, undefined, now));
}

beforeEach(() => {
  storage.clear();
  stored.clear();
  requests.length = 0;
  uploads.length = 0;
  answer = 'now';
});

describe('a visit draft restored after the app was killed mid-send', () => {
  it('goes out under the same id, so tapping 保存 again leaves one visit', async () => {
    const first = boot();
    const draft = fillForm(first);
    answer = 'never';
    void tapSave(first);
    await settle();
    expect(stored.size).toBe(1);

    answer = 'now';
    const reopened = boot();
    expect(reopened.drafts.loadDraft(KEY, reopened.form.blankVisit).id).toBe(draft.id);
    expect(await tapSave(reopened, new Date(NOW.getTime() + 60_000))).toMatchObject({ status: 'sent' });
    expect([...stored.keys()]).toEqual([draft.id]);
    expect(uploads).toEqual(['local:pig.jpg']);
    expect(reopened.queue.items()).toEqual([]);
  });

  it('leaves one visit when the queue re-sent it on reopening before 保存 is tapped again', async () => {
    const first = boot();
    const draft = fillForm(first);
    answer = 'never';
    void tapSave(first);
    await settle();

    answer = 'now';
    const reopened = boot();
    await reopened.queue.flush();
    expect(reopened.queue.items()).toEqual([]);
    expect(await tapSave(reopened, new Date(NOW.getTime() + 60_000))).toMatchObject({ status: 'sent' });
    expect([...stored.keys()]).toEqual([draft.id]);
    expect(requests.every((r) => r.payload.id === draft.id)).toBe(true);
    expect(uploads).toEqual(['local:pig.jpg']);
  });

  it('sends the visit and its progress as one write', async () => {
    const app = boot();
    fillForm(app);
    await tapSave(app);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      action: 'record',
      payload: { measureIds: ['m-1'], progress: [{ measureId: 'm-1', progress: 40 }], photos: ['cloud://pig.jpg'] },
    });
  });
});

describe('a refused visit', () => {
  it("stays in the queue with the server's reason until the fixed draft is sent under the same id", async () => {
    const app = boot();
    const draft = fillForm(app);
    answer = { refuse: '只能补录 60 天内的走访，更早的走访请联系扶贫办处理' };
    expect(await tapSave(app)).toMatchObject({ status: 'failed', error: { message: expect.stringContaining('60 天') } });
    expect(app.queue.failedItems().map((i) => [i.id, i.error?.message])).toEqual([[draft.id, expect.stringContaining('60 天')]]);

    answer = 'now';
    storage.set(KEY, { ...app.drafts.loadDraft(KEY, app.form.blankVisit), notes: '改正后' });
    expect(await tapSave(app)).toMatchObject({ status: 'sent' });
    expect(app.queue.items()).toEqual([]);
    expect(JSON.parse(stored.get(draft.id)!)).toMatchObject({ notes: '改正后' });
  });

  it('comes back into its form from the list (修改) with everything it carried', async () => {
    const app = boot();
    const draft = fillForm(app);
    storage.delete(KEY);
    answer = { refuse: '走访年度的帮扶计划中没有所选的措施' };
    await app.visits.recordVisit(app.input.toInput(HH, draft, undefined, NOW));
    const back = app.queue.takeBack(draft.id)!;
    expect(app.queue.items()).toEqual([]);
    const restored = app.input.draftFromInput(back.payload, app.form.blankVisit());
    expect(restored).toMatchObject({
      id: draft.id,
      date: '2026-11-20',
      notes: '查看养殖情况',
      measureIds: ['m-1'],
      progress: { 'm-1': '40' },
      photos: [{ path: 'cloud://pig.jpg' }],
    });
  });
});
