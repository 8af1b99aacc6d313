import { View } from '@tarojs/components';
import { Button, Empty } from '@/components/ui';
import type { CheckedParts, CheckedSheet } from './types';

/** The rows the check refused, each with its row number as Excel shows it and every problem in Chinese. */
function RowErrors({ errors }: { errors: CheckedSheet['errors'] }) {
  if (!errors.length) return null;
  return (
    <View className='import__table'>
      <View className='import__row import__row--head'>
        <View className='import__cell-row'>行号</View>
        <View className='import__cell-msg'>问题</View>
      </View>
      {errors.map((e, i) => (
        <View key={`${e.row}-${i}`} className='import__row'>
          <View className='import__cell-row'>第 {e.row} 行</View>
          <View className='import__cell-msg'>{e.message}</View>
        </View>
      ))}
    </View>
  );
}

/** Step ③: what the check found, nothing written yet; confirm writes only the rows without problems. */
export function Checked<R extends CheckedSheet>({
  file,
  result,
  parts,
  onConfirm,
  onRestart,
}: {
  file: string;
  result: R;
  parts: CheckedParts<R>;
  onConfirm: () => void;
  onRestart: () => void;
}) {
  return (
    <View className='import__card'>
      <View>{parts.summary(file, result)}</View>
      <RowErrors errors={result.errors} />
      {parts.details?.(result)}
      {result.valid === 0 ? <Empty description={parts.empty} /> : <View className='import__note'>{parts.note(result)}</View>}
      <View className='import__actions'>
        <Button round onClick={onRestart}>
          重新选择文件
        </Button>
        {result.valid > 0 && (
          <Button type='primary' round onClick={onConfirm}>
            {parts.confirm(result)}
          </Button>
        )}
      </View>
    </View>
  );
}
