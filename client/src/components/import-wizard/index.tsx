import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '@/components/ui';
import ExportButton from '@/components/export-button';
import { messageOf } from '@/services/errors';
import { pickAndUploadSheet } from '@/services/sheets';
import { Checked } from './checked';
import type { CheckedSheet, ImportWizardProps, WrittenBatch } from './types';
import './import-wizard.scss';

type Step<R> =
  | { name: 'pick' }
  | { name: 'checking'; file: string }
  | { name: 'checked'; file: string; fileId: string; result: R }
  | { name: 'writing'; file: string; done: number; total: number }
  | { name: 'done'; written: number; result: R; batches: R[] };

/**
 * 导入向导, one for every sheet import: upload → every row checked (nothing written) → confirm →
 * progress → result. The page names its action, template, check summary and result.
 */
export default function ImportWizard<R extends CheckedSheet & WrittenBatch>(props: ImportWizardProps<R>) {
  const { action, batch, unit } = props;
  const [step, setStep] = useState<Step<R>>({ name: 'pick' });
  const [error, setError] = useState('');
  const restart = () => setStep({ name: 'pick' });

  const pick = async () => {
    setError('');
    try {
      const file = await pickAndUploadSheet();
      if (!file) return;
      setStep({ name: 'checking', file: file.name });
      setStep({ name: 'checked', file: file.name, fileId: file.fileId, result: await action({ fileId: file.fileId, confirm: false }) });
    } catch (e) {
      setError(messageOf(e));
      restart();
    }
  };

  const confirm = async (fileId: string, file: string, result: R) => {
    setError('');
    let written = 0;
    let next: number | null = 0;
    const batches: R[] = [];
    setStep({ name: 'writing', file, done: 0, total: result.valid });
    try {
      while (next !== null) {
        const answer = await action({ fileId, confirm: true, from: next, batch });
        batches.push(answer);
        written += answer.written;
        next = answer.next;
        setStep({ name: 'writing', file, done: props.progress === 'written' ? written : (next ?? result.valid), total: result.valid });
      }
      setStep({ name: 'done', written, result, batches });
      props.onWritten?.(written);
    } catch (e) {
      // Written batches stay written; importing the same file again continues without duplicates.
      setError(`${messageOf(e)}（已导入 ${written} ${unit}，重新导入同一文件不会重复）`);
      setStep({ name: 'checked', file, fileId, result });
    }
  };

  return (
    <>
      <View className='import__title'>{props.title}</View>
      <View className='import__steps'>① 上传表格 → ② 检查每一行 → ③ 确认导入 → ④ {props.lastStep}</View>
      {error && <View className='import__error'>{error}</View>}
      {step.name === 'pick' && (
        <View className='import__card'>
          <View className='import__note'>{props.intro}</View>
          <View className='import__actions'>
            <ExportButton file={props.template.file} label='下载导入模板' doneText='导入模板已下载' run={props.template.run} />
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
          parts={props.checked}
          onConfirm={() => void confirm(step.fileId, step.file, step.result)}
          onRestart={restart}
        />
      )}
      {step.name === 'writing' && (
        <View className='import__card'>
          <View>
            正在导入「{step.file}」{props.progressText(step.done, step.total)}
          </View>
          <View className='import__bar'>
            <View className='import__fill' style={{ width: `${step.total ? (step.done / step.total) * 100 : 100}%` }} />
          </View>
          <View className='import__note'>请不要关闭页面。</View>
        </View>
      )}
      {step.name === 'done' && (
        <View className='import__card'>{props.done({ written: step.written, result: step.result, batches: step.batches, restart })}</View>
      )}
    </>
  );
}
