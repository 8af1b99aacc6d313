import { View } from '@tarojs/components';
import { FINDING_CATEGORY_LABELS, FINDING_SEVERITY_LABELS, FINDING_SOURCE_LABELS, FINDING_SUBJECT_LABELS, type FindingView } from '@bangfu/types';
import { Card, Tag } from '@/components/ui';
import { fullTime } from '@/utils/dates';
import { daysLabel, statusTag } from './format';
import FindingPhotos from './photo-strip';

function Row({ k, children }: { k: string; children: React.ReactNode }) {
  return (
    <View className='finding-detail__row'>
      <View className='finding-detail__key'>{k}</View>
      <View className='finding-detail__val'>{children}</View>
    </View>
  );
}

/** The top of a finding's page: status, deadline with days left, what and whom it is about, who must fix it. */
export function FindingSummary({ finding: f }: { finding: FindingView }) {
  const status = statusTag(f);
  const days = daysLabel(f);
  return (
    <View className='finding-summary'>
      <Card
        title={f.code}
        extra={
          <Tag status={status.status} type={status.type}>
            {status.label}
          </Tag>
        }
      >
        <View className='finding-detail__deadline'>
          <View>整改时限 {fullTime(f.deadline)}</View>
          <View className={`finding-days finding-days--${days.tone}`}>{days.text}</View>
        </View>
        <Row k={FINDING_SUBJECT_LABELS[f.subject.kind]}>{f.subjectName}</Row>
        <Row k='问题来源'>{FINDING_SOURCE_LABELS[f.source]}</Row>
        <Row k='问题类别'>{FINDING_CATEGORY_LABELS[f.category]}</Row>
        <Row k='严重程度'>{FINDING_SEVERITY_LABELS[f.severity]}</Row>
        <Row k='牵头单位'>{f.leadUnit ?? '—'}</Row>
        <Row k='责任单位'>{f.responsibleUnit ?? '—'}</Row>
        <Row k='责任人'>{f.responsibleName ?? '—'}</Row>
        <Row k='通知单'>
          {f.notice ? `${f.notice.number} · ${f.notice.acknowledgedAt ? `已确认收到（${fullTime(f.notice.acknowledgedAt)}）` : '未确认收到'}` : '未下发'}
        </Row>
        {f.closedAt && <Row k='销号时间'>{fullTime(f.closedAt)}</Row>}
        <View className='finding-detail__desc'>{f.description}</View>
        {f.returnReason && <View className='finding-detail__return'>退回理由：{f.returnReason}</View>}
      </Card>
    </View>
  );
}

/** 整改措施 and 整改佐证 as planned and submitted so far. */
export function FindingWork({ finding: f }: { finding: FindingView }) {
  return (
    <>
      <Card title='整改措施'>
        {f.measures.length ? (
          <View className='finding-detail__list'>
            {f.measures.map((m, i) => (
              <View key={i} className='finding-detail__item'>
                {i + 1}. {m}
              </View>
            ))}
          </View>
        ) : (
          <View className='finding-detail__muted'>还没有制定整改措施</View>
        )}
      </Card>
      <Card title='整改佐证'>
        {f.evidence.length ? (
          [...f.evidence].reverse().map((e, i) => (
            <View key={`${e.at}-${i}`} className='finding-detail__evidence'>
              <View className='finding-detail__item'>{e.note}</View>
              <FindingPhotos photos={e.photos} />
              <View className='finding-detail__muted'>
                {e.byName} · {fullTime(e.at)}
              </View>
            </View>
          ))
        ) : (
          <View className='finding-detail__muted'>还没有提交整改佐证</View>
        )}
      </Card>
    </>
  );
}
