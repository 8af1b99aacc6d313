import { View } from '@tarojs/components';
import { useState } from 'react';
import { Empty, Loaded, Page } from '@/components/ui';
import WarningRow from '@/components/monitoring/warning-row';
import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import '@/components/monitoring/monitoring.scss';
import './index.scss';

/** 监测预警 handed to the helper: open ones (overdue first, the server's order) or the closed ones; tap to verify or dismiss. */
export default function HelperWarnings() {
  const [open, setOpen] = useState(true);
  const list = useRequest(() => api.monitoring.listWarnings({ limit: 100, offset: 0, open }), [open]);
  useReloadOnShow(list.reload);
  return (
    <Page>
      <View className='helper-warnings__tabs'>
        <View className={open ? 'helper-warnings__tab helper-warnings__tab--on' : 'helper-warnings__tab'} onClick={() => setOpen(true)}>
          在办
        </View>
        <View className={!open ? 'helper-warnings__tab helper-warnings__tab--on' : 'helper-warnings__tab'} onClick={() => setOpen(false)}>
          已办结
        </View>
      </View>
      <Loaded
        state={list}
        empty={
          <Empty
            description={open ? '没有待办的监测预警。发现困难可在走访时记录，系统会自动研判。' : '还没有办结的预警'}
            actionText='刷新'
            onAction={list.reload}
          />
        }
      >
        {({ items }) => (
          <View>
            {items.map((w) => (
              <WarningRow
                key={w._id}
                warning={w}
                hint={w.actions.includes('dismiss') ? '待入户核实' : undefined}
                onClick={() => void navigate('warning', { id: w._id })}
              />
            ))}
          </View>
        )}
      </Loaded>
    </Page>
  );
}
