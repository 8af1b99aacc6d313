import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { MONITORING_TYPE_LABELS, RISK_RULE_LABELS, type WarningView } from '@bangfu/types';
import { Button, Loaded, Page, Tag } from '@/components/ui';
import { deadlineText, noticeText, SOURCE_LABELS, stageTag } from '@/components/monitoring/format';
import WarningActions from '@/components/monitoring/warning-actions';
import WarningHistory from '@/components/monitoring/warning-history';
import WarningSteps from '@/components/monitoring/warning-steps';
import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { knownUser } from '@/services/auth';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import { chineseDate } from '@/utils/dates';
import '@/components/monitoring/monitoring.scss';

function Head({ w }: { w: WarningView }) {
  const tag = stageTag(w);
  return (
    <View className='warning-head'>
      <View className='warning-head__top'>
        <View className='warning-head__name'>{w.headName} 户</View>
        <Tag status={tag.status}>{tag.label}</Tag>
        {w.level === 'high' && (
          <Tag status='alert' plain>
            高风险
          </Tag>
        )}
      </View>
      <View className='warning-head__line'>
        {[w.townName, w.villageName].filter(Boolean).join(' · ')} · {SOURCE_LABELS[w.source]} · {chineseDate(w.createdAt)}生成
      </View>
      {w.suggestedType && (
        <View className='warning-head__line'>
          {w.stage === 'confirmed' ? '纳入类型' : '拟纳入类型'}：{MONITORING_TYPE_LABELS[w.suggestedType]}
        </View>
      )}
      {w.open && <View className={`warning-row__due warning-row__due--${w.deadline}`}>{deadlineText(w)}</View>}
      {w.stage === 'village_review' && <View className='warning-head__line'>{noticeText(w)}</View>}
      {w.dismissReason && <View className='warning-head__line'>排除原因：{w.dismissReason}</View>}
    </View>
  );
}

/**
 * 监测预警 detail (识别纳入, SPEC §3b) for the helper it is handed to and the region's admins: the
 * five steps, the risks found with their reasons, the step this caller may take, and the history.
 */
export default function WarningPage() {
  const { id = '' } = useRouter().params;
  const me = useRequest(knownUser);
  const warning = useRequest(() => api.monitoring.getWarning({ warningId: id }), [id]);
  useReloadOnShow(warning.reload);
  return (
    <Page wide={me.data?.role === 'admin'}>
      <Loaded state={warning}>
        {(w) => (
          <>
            <Head w={w} />
            <WarningSteps stage={w.stage} />
            <View className='warning-section'>发现的风险</View>
            <View className='warning-risks'>
              {w.risks.length === 0 && <View className='warning-risks__item'>农户自主申报，待入户核实</View>}
              {w.risks.map((r, i) => (
                <View key={`${r.rule}-${i}`} className='warning-risks__item'>
                  <View className='warning-risks__rule'>{RISK_RULE_LABELS[r.rule]}</View>
                  {r.reasons.join('；')}
                </View>
              ))}
            </View>
            <WarningActions warning={w} onChanged={warning.setData} onStale={() => void warning.reload()} />
            <View className='warning-form'>
              <Button block round plain onClick={() => void navigate('householdDetail', { id: w.householdId, name: w.headName })}>
                查看户档案
              </Button>
            </View>
            <View className='warning-section'>办理记录</View>
            <WarningHistory warning={w} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
