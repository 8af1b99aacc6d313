import { View } from '@tarojs/components';
import { ROLE_LABELS, type NoticeRole } from '@bangfu/types';
import type { AudienceRegion } from '@bangfu/types/api/notices';

const ROLES: NoticeRole[] = ['helper', 'household', 'admin'];

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function Chip({ on, label, onClick }: { on: boolean; label: string; onClick: () => void }) {
  return (
    <View className={on ? 'nc__chip nc__chip--on' : 'nc__chip'} onClick={onClick}>
      {label}
    </View>
  );
}

export interface AudiencePickerProps {
  regions: AudienceRegion[];
  roles: NoticeRole[];
  regionIds: string[];
  onRoles: (roles: NoticeRole[]) => void;
  onRegions: (ids: string[]) => void;
}

/** 受众: which roles × which regions of the admin's scope; no region chosen = the whole scope. */
export default function AudiencePicker({ regions, roles, regionIds, onRoles, onRegions }: AudiencePickerProps) {
  const [own, ...below] = regions;
  const towns = below.filter((r) => r.level === 'town');
  const villagesOf = (parentId: string) => below.filter((r) => r.level === 'village' && r.parentId === parentId);
  const groups = towns.length ? towns.map((t) => ({ head: t, villages: villagesOf(t._id) })) : [{ head: null, villages: below }];
  return (
    <View className='nc__card'>
      <View className='nc__label'>发给谁</View>
      <View className='nc__chips'>
        {ROLES.map((r) => (
          <Chip key={r} on={roles.includes(r)} label={ROLE_LABELS[r]} onClick={() => onRoles(toggle(roles, r))} />
        ))}
      </View>
      <View className='nc__label'>哪些地方</View>
      <View className='nc__chips'>{own && <Chip on={regionIds.length === 0} label={`全部（${own.name}）`} onClick={() => onRegions([])} />}</View>
      {groups.map((g) => (
        <View key={g.head?._id ?? 'villages'} className='nc__chips'>
          {g.head && <Chip on={regionIds.includes(g.head._id)} label={g.head.name} onClick={() => onRegions(toggle(regionIds, g.head!._id))} />}
          {g.villages.map((v) => (
            <Chip key={v._id} on={regionIds.includes(v._id)} label={v.name} onClick={() => onRegions(toggle(regionIds, v._id))} />
          ))}
        </View>
      ))}
      {roles.includes('helper') && regionIds.some((id) => below.find((r) => r._id === id)?.level === 'village') && (
        <View className='nc__hint'>帮扶责任人按所在乡镇接收：选择村时，该村所在乡镇的帮扶责任人都会收到。</View>
      )}
    </View>
  );
}
