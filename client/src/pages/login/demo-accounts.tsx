import { View } from '@tarojs/components';
import { useState } from 'react';
import { ROLE_LABELS } from '@bangfu/types';
import { Button, Cell, CellGroup, Empty, Field, Loaded, Tag } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { navigate } from '@/services/routes';
import { listDemoAccounts, type DemoAccount } from '@/services/session';

/**
 * Local demo only (DEMO_BUILD): pick a seeded account, or type any openid to act as an unbound
 * WeChat user. A production build leaves this out (the login page renders it behind DEMO_SIGN_IN).
 */
export default function DemoAccounts({ onPick }: { onPick: (openid: string) => void }) {
  const accounts = useRequest(listDemoAccounts);
  const [other, setOther] = useState('');
  const [otherError, setOtherError] = useState('');

  const enterOther = () => {
    const openid = other.trim();
    if (!openid) return setOtherError('请输入 openid');
    onPick(openid);
  };

  return (
    <>
      <View className='login__intro'>
        <View className='login__note'>本地演示：也可以直接选择一个演示账号进入。正式版的手机端在微信中打开，自动识别身份，无需登录。</View>
      </View>
      <Loaded state={accounts} loadingText='正在读取演示账号…' empty={<Empty description='本地服务没有演示账号，请先运行 npm run seed 生成演示数据' />}>
        {(items) => (
          <CellGroup title='演示账号' inset>
            {items.map((a) => (
              <AccountCell key={a.openid} account={a} onPick={onPick} />
            ))}
          </CellGroup>
        )}
      </Loaded>
      <CellGroup title='其他账号（相当于未绑定的微信用户）' inset>
        <Field
          label='openid'
          value={other}
          placeholder='输入任意 openid'
          error={otherError}
          onChange={(v) => {
            setOther(v);
            setOtherError('');
          }}
        />
      </CellGroup>
      <View className='login__other'>
        <Button block round onClick={enterOther}>
          以此 openid 进入
        </Button>
        <View className='login__note' onClick={() => void navigate('calculator')}>
          不登录，先用政策计算器算一算 ›
        </View>
      </View>
    </>
  );
}

function AccountCell({ account, onPick }: { account: DemoAccount; onPick: (openid: string) => void }) {
  return (
    <Cell title={account.name} label={account.description || account.openid} size='large' center isLink onClick={() => onPick(account.openid)}>
      <Tag type={account.role ? 'primary' : 'default'} plain>
        {account.role ? ROLE_LABELS[account.role] : '未绑定'}
      </Tag>
    </Cell>
  );
}
