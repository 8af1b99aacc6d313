import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ImportResult } from '@bangfu/types/api/households';
import { Button, Empty, Page } from '@/components/ui';
import ExportButton from '@/components/export-button';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { go, ROUTES } from '@/services/routes';
import { pickAndUploadSheet } from '@/services/sheets';
import { thousands } from '@/utils/format';
import './index.scss';

/** Households written per call: each call stays well inside a function's time limit. */
const BATCH = 500;

type Step =
  | { name: 'pick' }
  | { name: 'checking'; file: string }
  | { name: 'checked'; file: string; fileId: string; result: ImportResult }
  | { name: 'writing'; file: string; done: number; total: number }
  | { name: 'done'; written: number; errors: number };

/** Back to the list this wizard was opened from (it reloads on show); a deep link opens a fresh one. */
const backToList = () => void Taro.navigateBack().catch(() => go(ROUTES.adminHouseholds));

/** 导入向导: upload → every row checked (nothing written) → confirm → progress → result. */
export default function ImportPage() {
  const [step, setStep] = useState<Step>({ name: 'pick' });
  const [error, setError] = useState('');

  const pick = async () => {
    setError('');
    try {
      const file = await pickAndUploadSheet();
      if (!file) return;
      setStep({ name: 'checking', file: file.name });
      setStep({ name: 'checked', file: file.name, fileId: file.fileId, result: await api.households.importXlsx({ fileId: file.fileId, confirm: false }) });
    } catch (e) {
      setError(messageOf(e));
      setStep({ name: 'pick' });
    }
  };

  const confirm = async (fileId: string, file: string, result: ImportResult) => {
    setError('');
    let written = 0;
    let next: number | null = 0;
    setStep({ name: 'writing', file, done: 0, total: result.valid });
    try {
      while (next !== null) {
        const batch = await api.households.importXlsx({ fileId, confirm: true, from: next, batch: BATCH });
        written += batch.written;
        next = batch.next;
        setStep({ name: 'writing', file, done: written, total: result.valid });
      }
      setStep({ name: 'done', written, errors: result.errors.length });
      void Taro.showToast({ title: `已导入 ${written} 户`, icon: 'success' });
    } catch (e) {
      // Written batches stay written; importing the same file again continues without duplicates.
      setError(`${messageOf(e)}（已导入 ${written} 户，重新导入同一文件不会重复）`);
      setStep({ name: 'checked', file, fileId, result });
    }
  };

  return (
    <Page wide>
      <View className='import__title'>导入户籍表格</View>
      <View className='import__steps'>① 上传表格 → ② 检查每一行 → ③ 确认导入 → ④ 完成</View>
      {error && <View className='import__error'>{error}</View>}
      {step.name === 'pick' && (
        <View className='import__card'>
          <View className='import__note'>
            每行一位家庭成员，同一户的成员户编号相同（户编号留空表示与上一行同户）。可以直接用县里现有的花名册：表头上方的标题行会自动跳过，常用列名（如
            身份证号码、与户主的关系、户号）都能识别；不确定时请下载导入模板对照填写。以身份证号为准：已登记的人会更新，不会重复建档。
          </View>
          <View className='import__actions'>
            <ExportButton file='户籍导入模板' label='下载导入模板' doneText='导入模板已下载' run={() => api.households.importTemplate({})} />
            <Button type='primary' round onClick={() => void pick()}>
              选择 Excel 表格（.xlsx）
            </Button>
          </View>
        </View>
      )}
      {step.name === 'checking' && <View className='import__card'>正在检查「{step.file}」的每一行…</View>}
      {step.name === 'checked' && (
        <Checked step={step} onConfirm={() => void confirm(step.fileId, step.file, step.result)} onRestart={() => setStep({ name: 'pick' })} />
      )}
      {step.name === 'writing' && (
        <View className='import__card'>
          <View>
            正在导入「{step.file}」：{step.done} / {step.total} 户
          </View>
          <View className='import__bar'>
            <View className='import__fill' style={{ width: `${step.total ? (step.done / step.total) * 100 : 100}%` }} />
          </View>
          <View className='import__note'>请不要关闭页面。</View>
        </View>
      )}
      {step.name === 'done' && (
        <View className='import__card'>
          <View className='import__big'>已导入 {thousands(step.written)} 户</View>
          {step.errors > 0 && <View className='import__note'>有 {step.errors} 处问题的行没有导入，请在表格中改正后再导入一次。</View>}
          <Button type='primary' round onClick={backToList}>
            查看户籍台账
          </Button>
        </View>
      )}
    </Page>
  );
}

function Checked({ step, onConfirm, onRestart }: { step: Extract<Step, { name: 'checked' }>; onConfirm: () => void; onRestart: () => void }) {
  const r = step.result;
  return (
    <View className='import__card'>
      <View>
        「{step.file}」共 {thousands(r.rows)} 行：<View className='import__ok'>{thousands(r.valid)} 户可以导入</View>，
        <View className={r.errors.length ? 'import__bad' : 'import__ok'}>{r.errors.length} 处问题</View>
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
      {r.valid === 0 ? (
        <Empty description='没有可以导入的户，请改正表格后重新上传。' />
      ) : (
        <View className='import__note'>确认后只导入没有问题的 {r.valid} 户；有问题的行不会写入。</View>
      )}
      <View className='import__actions'>
        <Button round onClick={onRestart}>
          重新选择文件
        </Button>
        {r.valid > 0 && (
          <Button type='primary' round onClick={onConfirm}>
            确认导入 {r.valid} 户
          </Button>
        )}
      </View>
    </View>
  );
}
