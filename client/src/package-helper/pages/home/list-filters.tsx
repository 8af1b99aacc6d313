import { Input, View } from '@tarojs/components';
import Chips from '@/components/household/chips';
import { DUE_TAGS, DUE_TAG_LABELS, type DueTag } from './filter';

/** 搜索/筛选 above the list: filters as one types (the whole list is on the phone already). */
export default function ListFilters({
  query,
  tag,
  counts,
  onQuery,
  onTag,
}: {
  query: string;
  tag?: DueTag;
  counts: Record<DueTag, number>;
  onQuery: (q: string) => void;
  onTag: (t?: DueTag) => void;
}) {
  const labels = Object.fromEntries(DUE_TAGS.map((t) => [t, `${DUE_TAG_LABELS[t]} ${counts[t]}`])) as Record<DueTag, string>;
  return (
    <View className='helper-filters'>
      <Input
        className='helper-filters__input'
        name='q'
        value={query}
        placeholder='搜索户主姓名或村名'
        confirmType='search'
        onInput={(e) => onQuery(e.detail.value)}
      />
      <Chips label='只看' options={DUE_TAGS} labels={labels} value={tag} onChange={onTag} />
    </View>
  );
}
