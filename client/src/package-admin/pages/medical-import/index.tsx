import { View } from '@tarojs/components';
import { useState } from 'react';
import type { MedicalImportResult, OpenedWarning } from '@bangfu/types/monitoring-channels';
import { Button, Page } from '@/components/ui';
import ExportButton from '@/components/export-button';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { pickAndUploadSheet } from '@/services/sheets';
import { thousands } from '@/utils/format';
import Checked from './checked';
import Opened from './opened';
import './index.scss';

/** Rows recorded per call: each call (and the re-assessment of its households) stays well inside a function's time limit. */
const BATCH = 300;

type Step =
  | { name: 'pick' }
  | { name: 'checking'; file: string }
  | { name: 'checked'; file: string; fileId: string; result: MedicalImportResult }
  | { name: 'writing'; file: string; done: number; total: number }
  | { name: 'done'; written: number; skipped: number; opened: OpenedWarning[] };

/**
 * 医保大额自付导入 (部门筛查预警), in the registry import's steps: upload → every row checked
 * (nothing written) → confirm → progress → result with the warnings it opened.
 */
export default function MedicalImportPage() {
  const [step, setStep] = useState<Step>({ name: 'pick' });
  const [error, setError] = useState('');

  const pick = async () => {
    setError('');
    try {
      const file = await pickAndUploadSheet();
      if (!file) return;
      setStep({ name: 'checking', file: file.name });
      setStep({ name: 'checked', file: file.name, fileId: file.fileId, result: await api.monitoring.importMedical({ fileId: file.fileId, confirm: false }) });
    } catch (e) {
      setError(messageOf(e));
      setStep({ name: 'pick' });
    }
  };

  const confirm = async (fileId: string, file: string, result: MedicalImportResult) => {
    setError('');
    let written = 0;
    let done = 0;
    const opened: OpenedWarning[] = [];
    let next: number | null = 0;
    setStep({ name: 'writing', file, done: 0, total: result.valid });
    try {
      while (next !== null) {
        const batch = await api.monitoring.importMedical({ fileId, confirm: true, from: next, batch: BATCH });
        written += batch.written;
        opened.push(...batch.opened);
        done = batch.next ?? result.valid;
        next = batch.next;
        setStep({ name: 'writing', file, done, total: result.valid });
      }
      setStep({ name: 'done', written, skipped: result.valid - written, opened });
    } catch (e) {
      // Recorded rows stay recorded; importing the same file again skips them.
      setError(`${messageOf(e)}（已导入 ${written} 笔，重新导入同一文件不会重复）`);
      setStep({ name: 'checked', file, fileId, result });
    }
  };

  return (
    <Page wide>
      <View className='import__title'>导入医保大额自付名单</View>
      <View className='import__steps'>① 上传表格 → ② 检查每一行 → ③ 确认导入 → ④ 查看新开的预警</View>
      {error && <View className='import__error'>{error}</View>}
      {step.name === 'pick' && (
        <View className='import__card'>
          <View className='import__note'>
            医保局推送的个人自付费用较高人员名单，每行一笔费用，需有 身份证号、姓名、日期、金额
            四列（表头上方的标题行会自动跳过，「身份证号码」「个人自付金额」等常用列名都能识别）。导入后会按监测规则重新研判这些户，有风险的户自动生成预警，交给帮扶人入户核实。同一人同一天同一金额只记一次，重复导入不会重复记录。
          </View>
          <View className='import__actions'>
            <ExportButton file='医保导入模板' label='下载导入模板' doneText='导入模板已下载' run={() => api.monitoring.medicalTemplate({})} />
            <Button type='primary' round onClick={() => void pick()}>
              选择 Excel 表格（.xlsx）
            </Button>
          </View>
        </View>
      )}
      {step.name === 'checking' && <View className='import__card'>正在检查「{step.file}」的每一行…</View>}
      {step.name === 'checked' && (
        <Checked
          file={step.file}
          result={step.result}
          onConfirm={() => void confirm(step.fileId, step.file, step.result)}
          onRestart={() => setStep({ name: 'pick' })}
        />
      )}
      {step.name === 'writing' && (
        <View className='import__card'>
          <View>
            正在导入「{step.file}」并研判：{thousands(step.done)} / {thousands(step.total)} 笔
          </View>
          <View className='import__bar'>
            <View className='import__fill' style={{ width: `${step.total ? (step.done / step.total) * 100 : 100}%` }} />
          </View>
          <View className='import__note'>请不要关闭页面。</View>
        </View>
      )}
      {step.name === 'done' && (
        <View className='import__card'>
          <View className='import__big'>已导入 {thousands(step.written)} 笔自付费用</View>
          {step.skipped > 0 && <View className='import__note'>{thousands(step.skipped)} 笔以前已导入过，没有重复记录。</View>}
          <Opened opened={step.opened} />
          <View className='import__actions'>
            <Button round onClick={() => setStep({ name: 'pick' })}>
              再导入一个文件
            </Button>
          </View>
        </View>
      )}
    </Page>
  );
}
