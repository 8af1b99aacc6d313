import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ExportFile } from '@bangfu/types';
import { Button } from '@/components/ui';
import { messageOf } from '@/services/errors';
import { openSheet } from '@/services/sheets';
import { chinaToday } from '@/utils/dates';
import { thousands } from '@/utils/format';
import './index.scss';

export interface ExportButtonProps {
  /** What the file is called on the admin's computer, before the day: `应享未享` → `应享未享-2026-11-20.xlsx`. */
  file: string;
  /** The export action to call with the page's current filters. */
  run: () => Promise<ExportFile>;
  label?: string;
  /** What a row is, for the message after the download: 项, 条, 户. */
  unit?: string;
  /** The message after the download when a row count says nothing (a template). */
  doneText?: string;
}

/** 导出 Excel: calls the page's export action and opens the sheet it answers; a failure shows beside the button. */
export default function ExportButton({ file, run, label = '导出 Excel', unit = '行', doneText }: ExportButtonProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const doExport = async () => {
    setBusy(true);
    setError('');
    try {
      const { url, rows } = await run();
      await openSheet(url, `${file}-${chinaToday()}.xlsx`);
      void Taro.showToast({ title: doneText ?? `已导出 ${thousands(rows)} ${unit}`, icon: 'none' });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='export-button'>
      <Button size='small' plain type='primary' round loading={busy} loadingText='正在导出…' onClick={() => void doExport()}>
        {label}
      </Button>
      {error && <View className='export-button__error'>{error}</View>}
    </View>
  );
}
