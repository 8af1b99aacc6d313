import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface CardProps {
  title?: string;
  /** Right side of the header, e.g. a tag or a short note. */
  extra?: ReactNode;
  children?: ReactNode;
  onClick?: () => void;
}

/** A white rounded block on the grey page, with an optional header. */
export default function Card({ title, extra, children, onClick }: CardProps) {
  return (
    <View className={onClick ? 'bf-card bf-card--clickable' : 'bf-card'} onClick={onClick}>
      {(title || extra) && (
        <View className='bf-card__header'>
          <View className='bf-card__title'>{title}</View>
          {extra && <View className='bf-card__extra'>{extra}</View>}
        </View>
      )}
      {children}
    </View>
  );
}
