import { freshDemoStore, call } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore();
});
afterAll(() => store.close());

/**
 * A search box turns its text into a regex, and a BSON regex pattern cannot hold a NUL (CloudBase
 * refuses it, as the embedded store does): a pasted control character is the caller's mistake.
 */
describe('a search box with a control character in it', () => {
  it.each([
    ['a NUL', 'a\u0000b'],
    ['a tab inside the text', '王\t明'],
    ['a newline inside the text', '王\n明'],
    ['a DEL', '王\u007f'],
  ])('households.list answers INVALID_INPUT for %s, not INTERNAL', async (_name, q) => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await call('households', 'list', { q }, 'demo-admin');
    const logged = spy.mock.calls.length;
    spy.mockRestore();
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('控制字符') } });
    expect(logged).toBe(0);
  });

  it('assignments.listHelpers answers INVALID_INPUT for a NUL too', async () => {
    const result = await call('assignments', 'listHelpers', { q: 'a\u0000b' }, 'demo-admin');
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('控制字符') } });
  });

  it('still searches text with spaces around it', async () => {
    const result = await call('households', 'list', { q: '  王  ' }, 'demo-admin');
    expect(result).toMatchObject({ ok: true });
  });
});
