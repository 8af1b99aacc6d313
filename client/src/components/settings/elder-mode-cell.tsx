import { Switch, View } from '@tarojs/components';
import { Cell } from '@/components/ui';
import { followsSystemFont, setElderMode, useElderMode } from '@/services/prefs';
import './elder-mode-cell.scss';

/**
 * The 长辈版 · 大字模式 (适老化) switch, the one control for services/prefs' elder mode, on 我的 and the
 * household's home. The whole row is the target (≥ 44 px): a 32 px switch is hard to hit.
 */
export default function ElderModeCell() {
  const elder = useElderMode();
  return (
    <Cell
      title='大字模式'
      label={elder ? (followsSystemFont() ? '长辈版 · 跟随微信字体' : '长辈版已开启') : '长辈版：字更大、更清楚'}
      center
      onClick={() => setElderMode(!elder)}
    >
      <View className='bf-elder-switch'>
        <Switch checked={elder} color='#1989fa' />
      </View>
    </Cell>
  );
}
