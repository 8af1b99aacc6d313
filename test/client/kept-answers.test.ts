/**
 * The answers a helper needs to start offline, against a fake Taro storage: kept on success,
 * given back only for a network failure and only to the account that got them.
 */
import { storage } from '../support/taro-storage';
import { ApiCallError } from '../../client/src/services/errors';

jest.mock('@tarojs/taro', () => jest.requireActual('../support/taro-storage').taroModule);

type Kept = typeof import('../../client/src/services/kept-answers');
type Session = typeof import('../../client/src/services/session');
function load(): { kept: Kept; session: Session } {
  let kept!: Kept;
  let session!: Session;
  jest.isolateModules(() => {
    kept = require('../../client/src/services/kept-answers');
    session = require('../../client/src/services/session');
  });
  return { kept, session };
}

const offline = () => Promise.reject(new ApiCallError({ code: 'INTERNAL', message: '网络不可用', details: { network: true } }));

beforeEach(() => storage.clear());

describe('a helper starting the app without signal', () => {
  it('gets the list as last loaded, saying from when, after the app restarts', async () => {
    const first = load();
    first.session.setDemoOpenid('demo-helper');
    expect(await first.kept.readOrKept('listDue', async () => ({ items: ['hh-1'] }))).toEqual({ value: { items: ['hh-1'] }, savedAt: null });
    const { kept } = load();
    const answer = await kept.readOrKept('listDue', offline);
    expect(answer.value).toEqual({ items: ['hh-1'] });
    expect(answer.savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('fails as before when nothing was kept yet', async () => {
    const { kept } = load();
    await expect(kept.readOrKept('listDue', offline)).rejects.toThrow('网络不可用');
  });

  it('never gives one account what another signed-in account was shown', async () => {
    const { kept, session } = load();
    session.setDemoOpenid('demo-helper');
    await kept.readOrKept('whoami', async () => ({ name: '帮扶干部' }));
    session.setDemoOpenid('demo-doctor');
    await expect(kept.readOrKept('whoami', offline)).rejects.toThrow('网络不可用');
  });

  it('does not hide a refusal behind the kept answer: only a network failure falls back', async () => {
    const { kept, session } = load();
    session.setDemoOpenid('demo-helper');
    await kept.readOrKept('listDue', async () => ({ items: [] }));
    const refused = () => Promise.reject(new ApiCallError({ code: 'UNAUTHENTICATED', message: '请先登录' }));
    await expect(kept.readOrKept('listDue', refused)).rejects.toThrow('请先登录');
  });

  it('forgets what was kept on sign-out', async () => {
    const { kept, session } = load();
    session.setDemoOpenid('demo-helper');
    await kept.readOrKept('listDue', async () => ({ items: [] }));
    kept.dropKeptAnswers();
    await expect(kept.readOrKept('listDue', offline)).rejects.toThrow('网络不可用');
  });
});
