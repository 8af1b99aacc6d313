import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ImportResult } from '@bangfu/types/api/benefits';
import { Button, Card } from '@/components/ui';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { pickAndUploadSheet } from '@/services/sheets';

type Step = { file: { fileId: string; name: string }; check: ImportResult };

/** 导入兑现清单: upload → every row checked (nothing written) → confirm → result. */
export default function ImportPanel({ onImported }: { onImported: () => void }) {
  const [step, setStep] = useState<Step | null>(null);
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');

  const pick = async () => {
    setError('');
    setBusy('正在上传并检查…');
    try {
      const file = await pickAndUploadSheet();
      if (file) setStep({ file, check: await api.benefits.importRecords({ fileId: file.fileId, dryRun: true }) });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy('');
    }
  };

  const confirm = async () => {
    if (!step) return;
    setBusy('正在导入…');
    try {
      const done = await api.benefits.importRecords({ fileId: step.file.fileId, dryRun: false });
      setStep({ ...step, check: done });
      if (done.applied) {
        void Taro.showToast({ title: `已导入 ${done.created} 条`, icon: 'none' });
        onImported();
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy('');
    }
  };

  const check = step?.check;
  return (
    <Card title='导入兑现清单（.xlsx）'>
      <View className='rec__hint'>列：政策、身份证号、发放期间（2026 或 2026-03）、金额，可选 发放日期。同一清单重复导入不会重复记账。</View>
      {check && (
        <View className='rec__check'>
          <View>
            {step!.file.name}：共 {check.total} 行，{check.applied ? `已导入 ${check.created} 条` : `可新增 ${check.created} 条`}，已存在 {check.unchanged}{' '}
            条，有问题 {check.errors.length} 行
          </View>
          {check.errors.slice(0, 50).map((e) => (
            <View key={e.row} className='rec__row-error'>
              第 {e.row} 行：{e.message}
            </View>
          ))}
        </View>
      )}
      {error && <View className='rec__row-error'>{error}</View>}
      <View className='rec__actions'>
        <Button round loading={busy === '正在上传并检查…'} loadingText={busy} onClick={pick}>
          选择表格
        </Button>
        {check && !check.applied && check.errors.length === 0 && check.created > 0 && (
          <Button type='primary' round loading={busy === '正在导入…'} loadingText={busy} onClick={confirm}>
            确认导入 {check.created} 条
          </Button>
        )}
      </View>
    </Card>
  );
}
