import { freshDemoStore, call } from '../support/store';

let store: ReturnType<typeof freshDemoStore>;
beforeAll(() => {
  store = freshDemoStore();
});
afterAll(() => store.close());

describe('assignments.listByHelper', () => {
  it("lists the demo helper's own households with head name and village", async () => {
    const result = await call('assignments', 'listByHelper', {}, 'demo-helper');
    if (!result.ok) throw new Error(result.error.message);
    const items = (result.data as any).items;
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.map((i: any) => i.householdId)).toContain('hh-000001');
    expect(items[0]).toMatchObject({ role: 'primary', householdHeadName: expect.any(String), villageName: expect.stringMatching(/村$/) });
  });

  it("refuses a helper who asks for another helper's households", async () => {
    const result = await call('assignments', 'listByHelper', { helperId: 'helper-4' }, 'demo-helper');
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lets a town admin see a helper of their town but not of another town', async () => {
    expect(await call('assignments', 'listByHelper', { helperId: 'helper-1' }, 'demo-town-admin')).toMatchObject({ ok: true });
    expect(await call('assignments', 'listByHelper', { helperId: 'helper-2' }, 'demo-town-admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses households', async () => {
    expect(await call('assignments', 'listByHelper', {}, 'demo-household')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
