import { View } from '@tarojs/components';
import { FEEDBACK_CATEGORY_LABELS, FEEDBACK_STATUS_LABELS, type FeedbackView } from '@bangfu/types';
import { Tag } from '@/components/ui';
import PhotoStrip from '@/components/needs/photo-strip';
import { fullTime } from '@/utils/dates';
import './feedback.scss';

/** One 意见建议 as its writer and the county office read it: what was said, then the office's answer. */
export default function FeedbackItem({ item, showWriter }: { item: FeedbackView; showWriter?: boolean }) {
  const writer =
    item.authorRole === 'household' ? `帮扶户 ${item.authorName}${item.villageName ? `（${item.villageName}）` : ''}` : `帮扶责任人 ${item.authorName}`;
  return (
    <View className='fb-item'>
      <View className='fb-item__head'>
        <Tag type='primary' plain>
          {FEEDBACK_CATEGORY_LABELS[item.category]}
        </Tag>
        <Tag status={item.status === 'answered' ? 'done' : 'due'}>{FEEDBACK_STATUS_LABELS[item.status]}</Tag>
        <View className='fb-item__time'>{fullTime(item.submittedAt)}</View>
      </View>
      {showWriter && <View className='fb-item__who'>{writer}</View>}
      <View className='fb-item__text'>{item.text}</View>
      <PhotoStrip photos={item.photos} />
      {item.answer ? (
        <View className='fb-item__answer'>
          <View className='fb-item__answer-who'>
            {item.answer.byName} 答复（{fullTime(item.answer.at)}）
          </View>
          <View className='fb-item__text'>{item.answer.text}</View>
        </View>
      ) : (
        !showWriter && <View className='fb-item__wait'>县扶贫办会尽快答复，答复后在这里显示。</View>
      )}
    </View>
  );
}
