import { View } from '@tarojs/components';
import type { Role } from '@bangfu/types';
import { go } from '@/services/routes';
import { useUnreadNotices } from '@/services/notices';
import { TABS_BY_ROLE } from './tabs';

/** A tab's key in `TABS_BY_ROLE` ('home', 'me', …). */
export type TabKey = string;

export interface TabBarProps {
  role: Role;
  active: TabKey;
}

/**
 * The role's bottom tabs, drawn in the page: a native tabBar is one list for the whole app and
 * cannot differ between households, helpers and admins.
 */
export default function TabBar({ role, active }: TabBarProps) {
  const tabs = TABS_BY_ROLE[role];
  const unread = useUnreadNotices(tabs.some((t) => t.key === 'notices'));
  return (
    <View className='bf-tabbar'>
      <View className='bf-tabbar__inner'>
        {tabs.map((tab) => (
          <View
            key={tab.key}
            className={tab.key === active ? 'bf-tabbar__item bf-tabbar__item--active' : 'bf-tabbar__item'}
            onClick={() => (tab.key === active ? undefined : void go(tab.url))}
          >
            <View className={`bf-tabbar__icon bf-tabbar__icon--${tab.icon}`}>
              {tab.key === 'notices' && unread > 0 && <View className='bf-tabbar__badge'>{unread > 99 ? '99+' : unread}</View>}
            </View>
            <View className='bf-tabbar__label'>{tab.label}</View>
          </View>
        ))}
      </View>
    </View>
  );
}
