import { Text, View } from '@tarojs/components';
import { parseNoticeBody, type Span } from '@bangfu/types/notice-body';
import './notice-body.scss';

function Spans({ spans }: { spans: Span[] }) {
  return (
    <>
      {spans.map((s, i) => (
        <Text key={i} className={s.bold ? 'nb__bold' : undefined} userSelect>
          {s.text}
        </Text>
      ))}
    </>
  );
}

/** A notice body as text nodes only (paragraphs, lists, bold): nothing an admin types is rendered as HTML. */
export default function NoticeBody({ body }: { body: string }) {
  return (
    <View className='nb'>
      {parseNoticeBody(body).map((block, i) =>
        block.kind === 'paragraph' ? (
          <View key={i} className='nb__p'>
            <Spans spans={block.spans} />
          </View>
        ) : (
          <View key={i} className='nb__list'>
            {block.items.map((item, j) => (
              <View key={j} className='nb__item'>
                <View className='nb__marker'>{block.ordered ? `${j + 1}.` : '•'}</View>
                <View className='nb__item-text'>
                  <Spans spans={item} />
                </View>
              </View>
            ))}
          </View>
        ),
      )}
    </View>
  );
}
