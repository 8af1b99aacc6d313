import { getDb } from '../../cloudfunctions/core/store';
import { setWeChat, type WxaCodeRequest } from '../../cloudfunctions/core/wechat';
import { localCodeSvg, localCodeText } from '../../cloudfunctions/core/local/wxa-code';
import { call, freshDemoStore, ok } from '../support/store';

/**
 * The printed 帮扶明白卡's door code (issue #17): a 小程序码 from wxacode.getUnlimited whose scene
 * is a short code, not personal data; locally the call is recorded in the outbox and answered
 * with a plain QR of the same page and scene, so the demo's printed card can be scanned too.
 */
let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore();
});
afterAll(() => store.close());

const codeCalls = async () => (await getDb().collection('outbox').where({ kind: 'wxacode.getUnlimited' }).get()).data;

describe('households.doorCode', () => {
  it("gives the helper a code for the card page whose scene fits WeChat's 32 characters and names nobody", async () => {
    const code = await ok(call('households', 'doorCode', { householdId: 'hh-000001' }, 'demo-helper'));
    expect(code.page).toBe('package-common/pages/card/index');
    expect(code.scene).toMatch(/^[0-9A-Za-z]{10}$/);
    expect(code.scene).not.toContain('000001');
    expect(code.image).toMatch(/^data:image\/svg\+xml;base64,/);
    // Printing again gives the same code, so an old printed card keeps working.
    expect((await ok(call('households', 'doorCode', { householdId: 'hh-000001' }, 'demo-admin'))).scene).toBe(code.scene);
  });

  it('locally, records the call in the outbox and draws a plain QR of the H5 card page with that scene', async () => {
    const before = (await codeCalls()).length;
    const code = await ok(call('households', 'doorCode', { householdId: 'hh-000001' }, 'demo-helper'));
    const calls = await codeCalls();
    expect(calls.length).toBe(before + 1);
    expect(calls.at(-1)).toMatchObject({ page: code.page, scene: code.scene, status: 'recorded' });
    const text = localCodeText({ page: code.page, scene: code.scene });
    expect(text).toMatch(new RegExp(`/package-common/pages/card/index\\?scene=${code.scene}$`));
    const drawn = await localCodeSvg({ page: code.page, scene: code.scene, width: 430 });
    expect(drawn).toMatch(/^<svg /);
    expect(code.image).toBe(`data:image/svg+xml;base64,${Buffer.from(drawn).toString('base64')}`);
  });

  it('in the cloud, asks WeChat for the 小程序码 with the page (no leading slash, no query) and answers its picture', async () => {
    const asked: WxaCodeRequest[] = [];
    setWeChat({
      async sendSubscribeMessage() {
        return { status: 'sent', note: '' };
      },
      async decryptGroup() {
        return { opengid: 'g' };
      },
      async wxaCode(request) {
        asked.push(request);
        return { contentType: 'image/jpeg', buffer: Buffer.from('jpeg') };
      },
    });
    try {
      const code = await ok(call('households', 'doorCode', { householdId: 'hh-000001' }, 'demo-helper'));
      expect(asked).toEqual([{ scene: code.scene, page: 'package-common/pages/card/index', width: 430 }]);
      expect(code.image).toBe(`data:image/jpeg;base64,${Buffer.from('jpeg').toString('base64')}`);
    } finally {
      setWeChat(null);
    }
  });

  it('is for helpers and admins: the household itself cannot issue one', async () => {
    const answer = await call('households', 'doorCode', { householdId: 'hh-000001' }, 'demo-household');
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('households.openDoorCode', () => {
  it("opens the household's card for its own member and its helper", async () => {
    const { scene } = await ok(call('households', 'doorCode', { householdId: 'hh-000001' }, 'demo-helper'));
    expect(await ok(call('households', 'openDoorCode', { scene }, 'demo-household'))).toEqual({ householdId: 'hh-000001' });
    expect(await ok(call('households', 'openDoorCode', { scene }, 'demo-helper'))).toEqual({ householdId: 'hh-000001' });
  });

  it("tells someone else's household, and a made-up code, the same thing: nothing", async () => {
    const { scene } = await ok(call('households', 'doorCode', { householdId: 'hh-000002' }, 'demo-admin'));
    const other = await call('households', 'openDoorCode', { scene }, 'demo-household');
    const made = await call('households', 'openDoorCode', { scene: 'AAAAAAAAAA' }, 'demo-household');
    expect(other).toEqual(made);
    expect(made).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到该户，或您无权查看' } });
  });

  it('refuses a scene WeChat could never have issued, in words', async () => {
    const answer = await call('households', 'openDoorCode', { scene: '门牌%20' }, 'demo-household');
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('门牌码无法识别') } });
  });
});
