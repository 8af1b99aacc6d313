import { View } from '@tarojs/components';
import { MONITORING_TYPE_LABELS, addDays, chineseDay } from '@bangfu/types';
import ExportButton from '@/components/export-button';
import { Cell, CellGroup, Empty, Loaded, Page, Table, type TableColumn } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import './index.scss';

type Row = Awaited<ReturnType<typeof api.monitoring.noticeList>>['items'][number];

const period = (r: Row) => `${chineseDay(r.noticeFrom)}至${chineseDay(addDays(r.noticeUntil, -1))}`;
const typeOf = (r: Row) => (r.suggestedType ? MONITORING_TYPE_LABELS[r.suggestedType] : '');
const COLUMNS: TableColumn<Row>[] = [
  { title: '乡镇', cell: (r) => r.townName },
  { title: '村', cell: (r) => r.villageName },
  { title: '户主', cell: (r) => r.headName },
  { title: '拟纳入类型', cell: typeOf },
  { title: '公示期', cell: period },
];

/**
 * 公示名单 of 村级评议 (SPEC §3b): the households of the region whose public notice runs now, to
 * print and post in the village. Only what a notice needs: no ID number, income or health detail.
 */
export default function WarningNotice() {
  const list = useRequest(() => api.monitoring.noticeList({}));
  return (
    <Page wide>
      <View className='admin-findings__head'>
        <View className='admin-findings__title'>监测对象识别公示名单</View>
        <View className='admin-findings__actions'>
          <ExportButton file='防返贫监测对象公示名单' label='导出公示名单' unit='户' run={() => api.monitoring.exportNoticeList({})} />
        </View>
      </View>
      <View className='warning-notice__hint'>公示不少于 5 天；公示期满且无异议的，村管理员在预警中提交乡镇审核。</View>
      <Loaded state={list} empty={<Empty description='目前没有正在公示的户。入户核实属实的预警进入村级评议后会出现在这里。' />}>
        {({ items }) => (
          <Table
            columns={COLUMNS}
            rows={items}
            rowKey={(r) => r.warningId}
            caption={`正在公示 ${items.length} 户`}
            onOpen={(r) => void navigate('warning', { id: r.warningId })}
            phoneRow={(r) => (
              <Cell
                title={`${r.headName}（${r.villageName}）`}
                label={`${typeOf(r)} · ${period(r)}`}
                isLink
                onClick={() => void navigate('warning', { id: r.warningId })}
              />
            )}
            phoneGroup={(rows) => <CellGroup inset>{rows}</CellGroup>}
          />
        )}
      </Loaded>
    </Page>
  );
}
