import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ROLE_LABELS } from '@bangfu/types';
import { Button, Cell, CellGroup, Empty, Field, Loaded, Page, Tag } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { forgetUser } from '@/services/auth';
import { navigate, restart, returnTarget, ROUTES } from '@/services/routes';
import { DEMO_SIGN_IN, listDemoAccounts, setDemoOpenid, type DemoAccount } from '@/services/session';
import './index.scss';

/** Signs in and goes home, or back to the page that sent the person here (`?redirect=`, own pages only). */
function signIn(openid: string) {
  setDemoOpenid(openid);
  forgetUser();
  void restart(returnTarget(Taro.getCurrentInstance().router?.params.redirect) ?? ROUTES.launcher);
}

/**
 * Local demo sign-in (H5): pick a seeded account, or type any openid to act as an unbound WeChat
 * user. `?openid=<id>` signs in directly (used by browser tests). In WeChat the caller comes from
 * the WeChat context, so this page only sends people back to the launcher.
 */
export default function Login() {
  const { params } = useRouter();
  const direct = DEMO_SIGN_IN ? params.openid : undefined;

  useEffect(() => {
    if (!DEMO_SIGN_IN) void restart(ROUTES.launcher);
    else if (direct) signIn(decodeURIComponent(direct));
  }, [direct]);

  if (!DEMO_SIGN_IN || direct) return <Page />;
  return <DemoAccounts />;
}

function DemoAccounts() {
  const accounts = useRequest(listDemoAccounts);
  const [other, setOther] = useState('');
  const [otherError, setOtherError] = useState('');

  const enterOther = () => {
    const openid = other.trim();
    if (!openid) return setOtherError('请输入 openid');
    signIn(openid);
  };

  return (
    <Page>
      <View className='login__intro'>
        <View className='login__title'>帮扶通 · 本地演示</View>
        <View className='login__note'>选择一个演示账号进入。正式版在微信中打开，自动识别身份，无需登录。</View>
      </View>
      <Loaded state={accounts} loadingText='正在读取演示账号…' empty={<Empty description='本地服务没有演示账号，请先运行 npm run seed 生成演示数据' />}>
        {(items) => (
          <CellGroup title='演示账号' inset>
            {items.map((a) => (
              <AccountCell key={a.openid} account={a} />
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
        <View className='login__note' onClick={() => void navigate('calculator')}>不登录，先用政策计算器算一算 ›</View>
      </View>
    </Page>
  );
}

function AccountCell({ account }: { account: DemoAccount }) {
  return (
    <Cell title={account.name} label={account.description || account.openid} size='large' center isLink onClick={() => signIn(account.openid)}>
      <Tag type={account.role ? 'primary' : 'default'} plain>
        {account.role ? ROLE_LABELS[account.role] : '未绑定'}
      </Tag>
    </Cell>
  );
}
