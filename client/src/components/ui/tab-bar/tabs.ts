import type { Role } from '@bangfu/types';
import { ROUTES } from '@/services/routes';

export type TabIcon = 'home' | 'me' | 'list';

export interface Tab {
  key: string;
  label: string;
  url: string;
  icon: TabIcon;
}

const me: Tab = { key: 'me', label: '我的', url: ROUTES.me, icon: 'me' };

/**
 * Each role's bottom tabs, in order. A feature adds its tab here (one line) once its page exists;
 * "我的" stays last.
 */
export const TABS_BY_ROLE: Record<Role, Tab[]> = {
  household: [{ key: 'home', label: '首页', url: ROUTES.householdHome, icon: 'home' }, me],
  helper: [{ key: 'home', label: '帮扶户', url: ROUTES.helperHome, icon: 'home' }, me],
  admin: [{ key: 'home', label: '工作台', url: ROUTES.adminHome, icon: 'home' }, me],
};
