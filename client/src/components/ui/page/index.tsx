import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Role } from '@bangfu/types';
import { elderScale, useElderMode } from '@/services/prefs';
import TabBar, { type TabKey } from '../tab-bar';

export interface PageProps {
  children?: ReactNode;
  /** Shows the role's bottom tabs with `active` highlighted. */
  tabBar?: { role: Role; active: TabKey } | null;
  /** Wider layout on desktop screens (admin pages). */
  wide?: boolean;
}

/** The large-text sizes (ui.scss .bf-page--elder) grown by the system font factor: 18 px body at standard size. */
const ELDER_SIZES: Array<[string, number]> = [
  ['--bf-font', 18],
  ['--bf-font-small', 16],
  ['--bf-font-title', 22],
  ['--cell-font-size', 18],
  ['--cell-label-font-size', 16],
  ['--cell-line-height', 28],
  ['--button-default-font-size', 18],
  ['--button-normal-font-size', 18],
  ['--tag-font-size', 15],
  ['--tag-line-height', 22],
  ['--empty-description-font-size', 18],
  ['--loading-text-font-size', 18],
];
function elderStyle(): string | undefined {
  const scale = elderScale();
  return scale > 1 ? ELDER_SIZES.map(([name, px]) => `${name}:${Math.round(px * scale)}px`).join(';') : undefined;
}

/** Every page's root: the 适老化 large-text class (sized after the system font), the width, and the tab bar. */
export default function Page({ children, tabBar, wide }: PageProps) {
  const elder = useElderMode();
  const className = ['bf-page', elder && 'bf-page--elder', tabBar && 'bf-page--tabbar', wide && 'bf-page--wide'].filter(Boolean).join(' ');
  return (
    <View className={className} style={elder ? elderStyle() : undefined}>
      <View className='bf-page__body'>{children}</View>
      {tabBar && <TabBar role={tabBar.role} active={tabBar.active} />}
    </View>
  );
}
