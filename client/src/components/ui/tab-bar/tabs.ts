import type { Role } from '@bangfu/types';
import { ROUTES } from '@/services/routes';

/** Each tab of a role's bar has its own shape (issue 13: five identical sheets could not be told apart). */
export type TabIcon = 'home' | 'me' | 'list' | 'policy' | 'help' | 'bell';

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
  household: [
    { key: 'home', label: '首页', url: ROUTES.householdHome, icon: 'home' },
    { key: 'benefits', label: '我的政策', url: ROUTES.myBenefits, icon: 'policy' },
    { key: 'needs', label: '求助', url: ROUTES.myNeeds, icon: 'help' },
    { key: 'notices', label: '通知', url: ROUTES.notices, icon: 'bell' },
    me,
  ],
  helper: [
    { key: 'home', label: '帮扶户', url: ROUTES.helperHome, icon: 'home' },
    { key: 'needs', label: '需求', url: ROUTES.helperNeeds, icon: 'list' },
    { key: 'notices', label: '通知', url: ROUTES.notices, icon: 'bell' },
    me,
  ],
  admin: [
    { key: 'home', label: '工作台', url: ROUTES.adminHome, icon: 'home' },
    { key: 'households', label: '户籍', url: ROUTES.adminHouseholds, icon: 'list' },
    { key: 'policies', label: '政策', url: ROUTES.adminPolicies, icon: 'list' },
    { key: 'needs', label: '需求', url: ROUTES.adminNeeds, icon: 'list' },
    { key: 'notices', label: '通知', url: ROUTES.notices, icon: 'bell' },
    me,
  ],
};
