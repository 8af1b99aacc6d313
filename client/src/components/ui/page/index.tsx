import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Role } from '@bangfu/types';
import { useElderMode } from '@/services/prefs';
import TabBar, { type TabKey } from '../tab-bar';

export interface PageProps {
  children?: ReactNode;
  /** Shows the role's bottom tabs with `active` highlighted. */
  tabBar?: { role: Role; active: TabKey } | null;
  /** Wider layout on desktop screens (admin pages). */
  wide?: boolean;
}

/** Every page's root: the 适老化 large-text class, the width, and the tab bar. */
export default function Page({ children, tabBar, wide }: PageProps) {
  const elder = useElderMode();
  const className = ['bf-page', elder && 'bf-page--elder', tabBar && 'bf-page--tabbar', wide && 'bf-page--wide'].filter(Boolean).join(' ');
  return (
    <View className={className}>
      <View className='bf-page__body'>{children}</View>
      {tabBar && <TabBar role={tabBar.role} active={tabBar.active} />}
    </View>
  );
}
