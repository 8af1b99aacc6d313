import { View } from '@tarojs/components';
import type { MedicalImportResult } from '@bangfu/types/monitoring-channels';
import { Button, Empty } from '@/components/ui';
import { thousands } from '@/utils/format';

/** Step ③: what the check found — rows to import, rows with problems, ID numbers not in the region. */
export default function Checked({
  file,
  result: r,
  onConfirm,
  onRestart,
}: {
  file: string;
  result: MedicalImportResult;
  onConfirm: () => void;
  onRestart: () => void;
}) {
  const fresh = r.valid - r.recorded;
  return (
    <View className='import__card'>
      <View>
        「{file}」共 {thousands(r.rows)} 行：<View className='import__ok'>{thousands(r.valid)} 笔可以导入</View>
        {r.recorded > 0 && `（其中 ${thousands(r.recorded)} 笔以前已导入，不会重复）`}，
        <View className={r.errors.length ? 'import__bad' : 'import__ok'}>{r.errors.length} 行有问题</View>，
        <View className={r.unmatched.length ? 'import__bad' : 'import__ok'}>{r.unmatched.length} 人未找到</View>
      </View>
      {r.errors.length > 0 && (
        <View className='import__table'>
          <View className='import__row import__row--head'>
            <View className='import__cell-row'>行号</View>
            <View className='import__cell-msg'>问题</View>
          </View>
          {r.errors.map((e, i) => (
            <View key={`${e.row}-${i}`} className='import__row'>
              <View className='import__cell-row'>第 {e.row} 行</View>
              <View className='import__cell-msg'>{e.message}</View>
            </View>
          ))}
        </View>
      )}
      {r.unmatched.length > 0 && (
        <>
          <View className='import__note'>以下身份证号不在您管辖范围内的登记户中（可能不是本辖区的人，或还没有登记），这些行不会导入：</View>
          <View className='import__table mi-unmatched'>
            <View className='import__row import__row--head'>
              <View className='import__cell-row'>行号</View>
              <View className='import__cell-msg'>姓名 · 身份证号</View>
            </View>
            {r.unmatched.map((u) => (
              <View key={u.row} className='import__row'>
                <View className='import__cell-row'>第 {u.row} 行</View>
                <View className='import__cell-msg'>
                  {u.name} · {u.idNumber}
                </View>
              </View>
            ))}
          </View>
        </>
      )}
      {r.valid === 0 ? (
        <Empty description='没有可以导入的费用，请改正表格后重新上传。' />
      ) : (
        <View className='import__note'>
          确认后导入没有问题的 {thousands(r.valid)} 笔{fresh < r.valid ? `（新增 ${thousands(fresh)} 笔）` : ''}，并重新研判这些户；有问题和未找到的行不会写入。
        </View>
      )}
      <View className='import__actions'>
        <Button round onClick={onRestart}>
          重新选择文件
        </Button>
        {r.valid > 0 && (
          <Button type='primary' round onClick={onConfirm}>
            确认导入 {thousands(r.valid)} 笔
          </Button>
        )}
      </View>
    </View>
  );
}
