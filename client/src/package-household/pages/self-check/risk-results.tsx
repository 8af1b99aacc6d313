import { View } from '@tarojs/components';
import { RISK_RULE_LABELS, type Assessment } from '@bangfu/types/monitoring';
import { Tag } from '@/components/ui';

const LEVEL_TEXT = {
  high: '您家可能有较大的返贫风险，建议申请帮扶',
  medium: '您家有一些需要注意的情况，可以申请帮扶',
  none: '按您的回答，暂时没有发现返贫风险',
} as const;

/** The self-check's answer: what was found (with the reasons and figures), then what was not. */
export default function RiskResults({ assessment, names }: { assessment: Assessment; names: string[] }) {
  const who = (m: number | null) => (m === null ? '' : `${names[m] ?? `成员 ${m + 1}`}：`);
  const found = assessment.risks.filter((r) => r.triggered);
  // Not found: one card per rule; a member rule lists each member's reason in that one card.
  const clear = [...new Set(assessment.risks.filter((r) => !r.triggered && !found.some((f) => f.rule === r.rule)).map((r) => r.rule))].map((rule) => ({
    rule,
    lines: assessment.risks.filter((r) => r.rule === rule).map((r) => `${who(r.member)}${r.reasons[0] ?? ''}`),
  }));
  return (
    <View className='sc-results'>
      <View className={`sc-level sc-level--${assessment.level}`}>{LEVEL_TEXT[assessment.level]}</View>
      {found.map((r) => (
        <View key={`${r.rule}-${r.member}`} className='sc-risk sc-risk--on'>
          <View className='sc-risk__head'>
            <View className='sc-risk__name'>
              {who(r.member)}
              {RISK_RULE_LABELS[r.rule]}
            </View>
            <Tag status='alert'>有风险</Tag>
          </View>
          {r.reasons.map((text) => (
            <View key={text} className='sc-risk__reason'>
              {text}
            </View>
          ))}
        </View>
      ))}
      {clear.length > 0 && <View className='sc-sub'>没有发现的风险</View>}
      {clear.map((c) => (
        <View key={c.rule} className='sc-risk'>
          <View className='sc-risk__head'>
            <View className='sc-risk__name'>{RISK_RULE_LABELS[c.rule]}</View>
            <Tag status='none'>未发现</Tag>
          </View>
          {c.lines.map((text) => (
            <View key={text} className='sc-risk__reason'>
              {text}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
