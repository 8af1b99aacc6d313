import { View } from '@tarojs/components';
import { useState } from 'react';
import { Field } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';

export interface Picked {
  id: string;
  name: string;
}

/** One choice of a few, as chips (no typing where a choice will do). */
export function Chips<T extends string>({
  options,
  labels,
  value,
  onChange,
}: {
  options: readonly T[];
  labels: Record<T, string>;
  value?: T;
  onChange: (v: T) => void;
}) {
  return (
    <View className='finding-new__chips'>
      {options.map((o) => (
        <View key={o} className={value === o ? 'finding-new__chip finding-new__chip--on' : 'finding-new__chip'} onClick={() => onChange(o)}>
          {labels[o]}
        </View>
      ))}
    </View>
  );
}

function Results({ items, picked, onPick, empty }: { items: Picked[] | undefined; picked: Picked | null; onPick: (p: Picked) => void; empty: string }) {
  if (!items) return null;
  if (!items.length) return <View className='finding-new__hint'>{empty}</View>;
  return (
    <View className='finding-new__results'>
      {items.map((p) => (
        <View key={p.id} className={picked?.id === p.id ? 'finding-new__result finding-new__result--on' : 'finding-new__result'} onClick={() => onPick(p)}>
          {p.name}
        </View>
      ))}
    </View>
  );
}

/** A household of the region by head's name or household code (`households.list` q). */
export function HouseholdSearch({ picked, onPick, error }: { picked: Picked | null; onPick: (p: Picked) => void; error?: string }) {
  const [q, setQ] = useState('');
  const found = useRequest(async () => (q.trim() ? (await api.households.list({ q: q.trim(), limit: 8, offset: 0 })).items : undefined), [q]);
  const items = found.data?.map((h) => ({ id: h._id, name: `${h.headName}户（${h.code}）${h.villageName ? ` · ${h.villageName}` : ''}` }));
  return (
    <>
      <Field label='查找户' name='householdQuery' value={q} onChange={setQ} placeholder='户主姓名或户编号' error={error} />
      {picked && <View className='finding-new__picked'>已选：{picked.name}</View>}
      <Results items={items} picked={picked} onPick={onPick} empty='没有找到，换个姓名或编号试试' />
    </>
  );
}

/** A helper of the region by name (`assignments.listHelpers` q). */
export function HelperSearch({
  label,
  picked,
  onPick,
  error,
  placeholder,
}: {
  label: string;
  picked: Picked | null;
  onPick: (p: Picked | null) => void;
  error?: string;
  placeholder: string;
}) {
  const [q, setQ] = useState('');
  const found = useRequest(async () => (q.trim() ? (await api.assignments.listHelpers({ q: q.trim(), idle: false })).items.slice(0, 8) : undefined), [q]);
  const items = found.data?.map((h) => ({ id: h._id, name: `${h.name}${h.unit ? ` · ${h.unit}` : ''}` }));
  return (
    <>
      <Field label={label} name={`${label}Query`} value={q} onChange={setQ} placeholder={placeholder} error={error} />
      {picked && (
        <View className='finding-new__picked'>
          已选：{picked.name}
          <View className='finding-new__clear' onClick={() => onPick(null)}>
            清除
          </View>
        </View>
      )}
      <Results items={items} picked={picked} onPick={onPick} empty='没有找到这位帮扶责任人' />
    </>
  );
}

/** A village of the region (`households.villages`). */
export function VillagePick({ picked, onPick }: { picked: Picked | null; onPick: (p: Picked) => void }) {
  const villages = useRequest(() => api.households.villages());
  const items = villages.data?.items.map((v) => ({ id: v._id, name: `${v.townName} ${v.name}` }));
  return <Results items={items} picked={picked} onPick={onPick} empty='辖区内没有行政村' />;
}
