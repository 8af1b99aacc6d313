import { useState } from 'react';
import { View } from '@tarojs/components';
import type { RebuildStep } from '@bangfu/types/api/maintenance';
import { Button, Cell, CellGroup } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';

const differencesText = (s: RebuildStep) => {
  const d = s.differences;
  const total = d.ruleFacts + d.memberCount + d.paidKeys + d.visitMonths + d.gaps;
  return total
    ? `更正 规则摘要 ${d.ruleFacts}、人数 ${d.memberCount}、兑现摘要 ${d.paidKeys}、走访月汇总 ${d.visitMonths}、应享未享 ${d.gaps}`
    : '汇总数据与原始记录一致，无需更正';
};

/**
 * 数据维护 for a county admin (maintenance function): after an upgrade, rebuild the derived data.
 * Each call does one step inside the function's timeout; the button keeps calling until done and
 * shows how many households are done. Leaving the page stops it; the next tap resumes.
 */
export default function RebuildDerivedCell() {
  const status = useRequest(() => api.maintenance.derivedStatus({}));
  const [step, setStep] = useState<RebuildStep | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const s = status.data;
  const due = s ? s.version < s.latest || !!s.running : false;
  const label = step
    ? step.done
      ? `已完成：${step.households} 户。${differencesText(step)}`
      : `正在重建：${step.households} / ${step.totalHouseholds} 户`
    : s?.running
      ? `上次重建未完成：${s.running.households} / ${s.running.totalHouseholds} 户，可继续`
      : due
        ? '系统升级后需要重建一次汇总数据'
        : '汇总数据为最新版本';

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      for (;;) {
        const next = await api.maintenance.rebuildDerived({});
        setStep(next);
        if (next.done) break;
      }
      void status.reload();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <CellGroup title='数据维护' inset>
        <Cell title='汇总数据（走访月汇总、户摘要）' label={error ?? label} />
      </CellGroup>
      <View className='me__maintenance'>
        <Button block round type={due ? 'primary' : 'default'} loading={running} disabled={running || !s} onClick={() => void run()}>
          {running ? '正在重建…' : s?.running ? '继续重建' : '重建汇总数据'}
        </Button>
      </View>
    </>
  );
}
