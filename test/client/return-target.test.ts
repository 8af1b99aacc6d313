/**
 * Back to the card after signing in (issue #17): the sign-in page's `?redirect=` is followed only
 * to one of this app's own pages, so a crafted link cannot send someone elsewhere after sign-in.
 */
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));
import { returnTarget, urlOf } from '../../client/src/services/routes';

describe('returnTarget', () => {
  it("returns to a scanned door code's card with its scene, as the card page sends it", () => {
    const card = urlOf('householdCard', { scene: 'k3Jd9QxA0b' });
    const login = urlOf('login', { redirect: card });
    const redirect = new URLSearchParams(login.split('?')[1]).get('redirect') ?? '';
    expect(returnTarget(encodeURIComponent(redirect))).toBe('/package-common/pages/card/index?scene=k3Jd9QxA0b');
    expect(returnTarget(redirect)).toBe('/package-common/pages/card/index?scene=k3Jd9QxA0b');
  });

  it.each([
    ['another site', 'https://evil.example/pages/login/index'],
    ['a protocol-relative address', '//evil.example/package-common/pages/card/index'],
    ['a script', 'javascript:alert(1)'],
    ['a page the app does not have', '/pages/nowhere/index'],
    ['the sign-in page itself (a loop)', '/pages/login/index?openid=demo-admin'],
    ['a path with a fragment', '/package-common/pages/card/index#x'],
    ['broken escapes', '%E0%A4%A'],
    ['nothing', undefined],
  ])('refuses %s and goes home instead', (_what, raw) => {
    expect(returnTarget(raw)).toBeNull();
  });
});
