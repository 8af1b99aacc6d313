import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Cell, CellGroup, Empty, Field, Loaded, Page, Table } from '@/components/ui';
import { thousands } from '@/utils/format';
import { POLICY_NAMES, yuan } from '@/components/benefits/labels';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import ImportPanel from './import-panel';
import RecordForm from './record-form';
import { chineseDate } from '@/utils/dates';
import './index.scss';

const PAGE = 20;

/** 兑现记录: what households of the admin's region received, newest first, and the sheet import. */
export default function BenefitRecords() {
  const [period, setPeriod] = useState('');
  const [offset, setOffset] = useState(0);
  const filter = /^\d{4}(-\d{2})?$/.test(period.trim()) ? period.trim() : undefined;
  const records = useRequest(() => api.benefits.listRecords({ limit: PAGE, offset, ...(filter ? { period: filter } : {}) }), [offset, filter]);
  const total = records.data?.total ?? 0;
  return (
    <Page wide>
      <RecordForm onRecorded={() => void records.reload()} />
      <ImportPanel onImported={() => void records.reload()} />
      <View className='rec__filter'>
        <Field
          label='发放期间'
          name='period'
          value={period}
          placeholder='例如 2026，不填即全部'
          maxlength={7}
          onChange={(v) => {
            setPeriod(v);
            setOffset(0);
          }}
        />
      </View>
      <Loaded state={records} loadingText='正在读取兑现记录…' empty={<Empty description='没有符合条件的兑现记录。可以导入兑现清单，或换一个发放期间' />}>
        {({ items }) => (
          <Table
            rows={items}
            rowKey={(r) => r._id}
            caption={`兑现记录（共 ${thousands(total)} 条）`}
            columns={[
              { title: '户主', cell: (r) => `${r.headName}户` },
              { title: '政策', cell: (r) => POLICY_NAMES[r.policy] },
              { title: '成员', cell: (r) => r.memberName ?? '全家' },
              { title: '发放期间', cell: (r) => `${r.period} 期` },
              { title: '发放日期', cell: (r) => chineseDate(r.paidOn) },
              { title: '金额', cell: (r) => yuan(r.amount), numeric: true },
            ]}
            phoneGroup={(rows) => (
              <CellGroup title={`兑现记录（共 ${thousands(total)} 条）`} inset>
                {rows}
              </CellGroup>
            )}
            phoneRow={(r) => (
              <Cell
                title={`${r.headName}户 · ${POLICY_NAMES[r.policy]}${r.memberName ? ` · ${r.memberName}` : ''}`}
                label={`${r.period} 期 · ${chineseDate(r.paidOn)} 发放`}
                value={yuan(r.amount)}
              />
            )}
          />
        )}
      </Loaded>
      {total > PAGE && (
        <View className='rec__pager'>
          <Button size='small' round disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            上一页
          </Button>
          <View className='rec__page'>
            {Math.floor(offset / PAGE) + 1} / {Math.ceil(total / PAGE)}
          </View>
          <Button size='small' round disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            下一页
          </Button>
        </View>
      )}
    </Page>
  );
}
