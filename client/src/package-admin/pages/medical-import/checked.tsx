import { View } from '@tarojs/components';
import type { MedicalImportResult } from '@bangfu/types/monitoring-channels';
import type { CheckedParts } from '@/components/import-wizard/types';
import { thousands } from '@/utils/format';

/** Step ③ of the 医保 import: rows to import (some recorded before), rows with problems, ID numbers not in the region. */
export const checked: CheckedParts<MedicalImportResult> = {
  summary: (file, r) => (
    <>
      「{file}」共 {thousands(r.rows)} 行：<View className='import__ok'>{thousands(r.valid)} 笔可以导入</View>
      {r.recorded > 0 && `（其中 ${thousands(r.recorded)} 笔以前已导入，不会重复）`}，
      <View className={r.errors.length ? 'import__bad' : 'import__ok'}>{r.errors.length} 行有问题</View>，
      <View className={r.unmatched.length ? 'import__bad' : 'import__ok'}>{r.unmatched.length} 人未找到</View>
    </>
  ),
  details: (r) =>
    r.unmatched.length > 0 && (
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
    ),
  empty: '没有可以导入的费用，请改正表格后重新上传。',
  note: (r) => {
    const fresh = r.valid - r.recorded;
    return `确认后导入没有问题的 ${thousands(r.valid)} 笔${fresh < r.valid ? `（新增 ${thousands(fresh)} 笔）` : ''}，并重新研判这些户；有问题和未找到的行不会写入。`;
  },
  confirm: (r) => `确认导入 ${thousands(r.valid)} 笔`,
};
