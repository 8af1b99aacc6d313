import { View } from '@tarojs/components';
import type { Role } from '@bangfu/types';
import { go, HOME_OF, ROUTES } from '@/services/routes';

export type TabKey = 'home' | 'me';

export interface TabBarProps {
  role: Role;
  active: TabKey;
}

const TABS: { key: TabKey; label: string }[] = [
  { key: 'home', label: '首页' },
  { key: 'me', label: '我的' },
];

/**
 * The role's bottom tabs, drawn in the page: a native tabBar is one list for the whole app and
 * cannot differ between households, helpers and admins.
 */
export default function TabBar({ role, active }: TabBarProps) {
  const open = (key: TabKey) => {
    if (key === active) return;
    void go(key === 'home' ? HOME_OF[role] : ROUTES.me);
  };
  return (
    <View className='bf-tabbar'>
      <View className='bf-tabbar__inner'>
        {TABS.map((tab) => (
          <View key={tab.key} className={tab.key === active ? 'bf-tabbar__item bf-tabbar__item--active' : 'bf-tabbar__item'} onClick={() => open(tab.key)}>
            <View className={`bf-tabbar__icon bf-tabbar__icon--${tab.key}`} />
            <View className='bf-tabbar__label'>{tab.label}</View>
          </View>
        ))}
      </View>
    </View>
  );
}
