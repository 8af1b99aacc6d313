import Taro from '@tarojs/taro';
import type { Role } from '@bangfu/types';

/** Every page's path, absolute; the browser tests use the same paths on H5 (router mode `browser`). */
export const ROUTES = {
  launcher: '/pages/index/index',
  login: '/pages/login/index',
  bind: '/pages/bind/index',
  me: '/pages/me/index',
  householdHome: '/package-household/pages/home/index',
  helperHome: '/package-helper/pages/home/index',
  adminHome: '/package-admin/pages/home/index',
} as const;

export const HOME_OF: Record<Role, string> = {
  household: ROUTES.householdHome,
  helper: ROUTES.helperHome,
  admin: ROUTES.adminHome,
};

/** Replaces the current page (no back-stack growth): used by the launcher and the tab bar. */
export function go(url: string) {
  return Taro.redirectTo({ url }).catch(() => Taro.reLaunch({ url }));
}

/** Drops the whole page stack: used after signing in, binding or signing out. */
export function restart(url: string = ROUTES.launcher) {
  return Taro.reLaunch({ url });
}
