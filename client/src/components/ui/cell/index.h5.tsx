import { Text, View } from '@tarojs/components';
import type { CellComponent, CellGroupComponent } from './types';
import './index.h5.scss';

const Cell: CellComponent = ({ title, value, label, isLink, center, size, required, onClick, children }) => {
  const className = ['bf-cell', center && 'bf-cell--center', size === 'large' && 'bf-cell--large', (isLink || onClick) && 'bf-cell--clickable']
    .filter(Boolean)
    .join(' ');
  return (
    <View className={className} hoverClass={isLink || onClick ? 'bf-cell--active' : 'none'} onClick={() => onClick?.()}>
      <View className='bf-cell__title'>
        <Text className={required ? 'bf-cell__title-text bf-cell--required' : 'bf-cell__title-text'}>{title}</Text>
        {label && <View className='bf-cell__label'>{label}</View>}
      </View>
      <View className='bf-cell__value'>{children === undefined ? value : children}</View>
      {isLink && <View className='bf-cell__arrow' />}
    </View>
  );
};

export const CellGroup: CellGroupComponent = ({ title, inset, children }) => (
  <View className={inset ? 'bf-cell-group bf-cell-group--inset' : 'bf-cell-group'}>
    {title && <View className='bf-cell-group__title'>{title}</View>}
    <View className='bf-cell-group__body'>{children}</View>
  </View>
);

export default Cell;
