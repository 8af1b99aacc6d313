import { useState } from 'react';
import { View } from '@tarojs/components';
import { RATING_REASONS, type HouseholdRatings } from '@bangfu/types/satisfaction';
import { Button, Loaded, Tag } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { tell } from '@/services/tell';
import './rate-helpers.scss';

const WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];
type Item = HouseholdRatings['items'][number];

/** One helper: five big stars and reason choices, or the stars given this quarter. */
function RateOne({ item, onRated }: { item: Item; onRated: (r: HouseholdRatings) => void }) {
  const [stars, setStars] = useState(0);
  const [reasons, setReasons] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState('');
  const given = item.rating;
  const toggle = (r: string) => setReasons(reasons.includes(r) ? reasons.filter((x) => x !== r) : [...reasons, r]);

  const submit = async () => {
    if (!stars) return setAlert('请点星星打分，1 到 5 星');
    setBusy(true);
    setAlert('');
    try {
      const updated = await api.assignments.rateHelper({ helperId: item.helperId, rating: stars, reasons });
      void tell('谢谢您的评价');
      onRated(updated);
    } catch (e) {
      setAlert(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='rh-card'>
      <View className='rh-card__title'>{item.helperName}</View>
      {given ? (
        <View className='rh-card__given'>
          <Tag status='done' size='large'>
            本季度已评价：{'★'.repeat(given.rating)} {WORDS[given.rating]}
          </Tag>
        </View>
      ) : (
        <>
          <View className='rh-card__stars'>
            {[1, 2, 3, 4, 5].map((n) => (
              <View
                key={n}
                className={n <= stars ? 'rh-card__star rh-card__star--on' : 'rh-card__star'}
                onClick={() => {
                  setStars(n);
                  setAlert('');
                }}
              >
                {n <= stars ? '★' : '☆'}
              </View>
            ))}
          </View>
          {stars > 0 && <View className='rh-card__word'>{WORDS[stars]}</View>}
          <View className='rh-card__reasons'>
            {RATING_REASONS.map((r) => (
              <View key={r} className={reasons.includes(r) ? 'rh-card__reason rh-card__reason--on' : 'rh-card__reason'} onClick={() => toggle(r)}>
                {r}
              </View>
            ))}
          </View>
          {alert && <View className='rh-card__alert'>{alert}</View>}
          <View className='rh-card__submit'>
            <Button type='primary' size='large' block round plain loading={busy} onClick={() => void submit()}>
              提交评价
            </Button>
          </View>
        </>
      )}
    </View>
  );
}

/** 满意度 on the household home: once a quarter, rate each helper 1–5 (reasons optional). */
export default function RateHelpers() {
  const ratings = useRequest(() => api.assignments.householdRatings({}));
  return (
    <Loaded state={ratings} placeholder={<View />} isEmpty={(d) => d.items.length === 0} empty={<View />}>
      {(d) => (
        <View className='rh'>
          <View className='rh__title'>给帮扶人打分</View>
          <View className='rh__sub'>每个季度可以评价一次，帮扶人只看到平均分，看不到是谁打的</View>
          {d.items.map((item) => (
            <RateOne key={item.helperId} item={item} onRated={ratings.setData} />
          ))}
        </View>
      )}
    </Loaded>
  );
}
