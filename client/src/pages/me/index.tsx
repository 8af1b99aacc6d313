import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { HELPER_KIND_LABELS, REGION_LEVEL_LABELS, ROLE_LABELS } from '@bangfu/types';
import type { WhoAmI } from '@bangfu/types/api/auth';
import { Button, Cell, CellGroup, Loaded, Page, Tag } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { currentUser, forgetUser, whoami } from '@/services/auth';
import ElderModeCell from '@/components/settings/elder-mode-cell';
import RebuildDerivedCell from '@/components/settings/rebuild-derived-cell';
import ContactCard from '@/components/household/contact-card';
import { go, navigate, restart, ROUTES } from '@/services/routes';
import { clearDemoOpenid, DEMO_SIGN_IN } from '@/services/session';
import { endWebSession, hasWebSession } from '@/services/web-session';
import { messageOf } from '@/services/errors';
import { api } from '@/services/client';
import './index.scss';

/** Leaves this browser's session (a web session is audited first); back to the sign-in page. */
async function signOut() {
  if (hasWebSession()) {
    await api.auth.webSignOut({}).catch(() => undefined);
    await endWebSession();
  }
  clearDemoOpenid();
  forgetUser();
  void restart(ROUTES.login);
}

/** Ends every web session of this admin (a lost laptop, a shared office PC): asked once more, then done. */
async function signOutEverywhere() {
  const { confirm } = await Taro.showModal({ title: '退出所有电脑端登录', content: '所有电脑上的帮扶通都会退出，需要重新扫码登录。', confirmText: '全部退出' });
  if (!confirm) return;
  try {
    await api.auth.webSignOutEverywhere({});
  } catch (e) {
    void Taro.showToast({ title: messageOf(e), icon: 'none' });
    return;
  }
  void Taro.showToast({ title: '已退出所有电脑端登录', icon: 'none' });
  if (hasWebSession()) {
    await endWebSession();
    forgetUser();
    void restart(ROUTES.login);
  }
}

/** 我的: who I am, the 适老化 switch, 数据维护 for a county admin, and sign out (web session or local demo). Shared by every role. */
export default function Me() {
  const me = useRequest(whoami);
  const user = me.data ?? currentUser();
  const role = user?.role ?? null;

  return (
    <Page tabBar={role ? { role, active: 'me' } : null}>
      <Loaded state={{ ...me, data: user }}>{(u) => <Profile user={u} />}</Loaded>
      {user?.household && <ContactCard householdId={user.household.id} />}
      <Settings />
      {user?.role === 'admin' && user.scope?.level === 'county' && <RebuildDerivedCell />}
      {role === 'admin' && (
        <CellGroup title='电脑端登录' inset>
          <Cell title='退出所有电脑端登录' label='电脑丢失或在公用电脑上登录过时使用' isLink onClick={() => void signOutEverywhere()} />
        </CellGroup>
      )}
      {(DEMO_SIGN_IN || hasWebSession()) && (
        <View className='me__logout'>
          <Button block round onClick={() => void signOut()}>
            退出登录
          </Button>
        </View>
      )}
    </Page>
  );
}

function Profile({ user }: { user: WhoAmI }) {
  const roleLabel = user.role ? ROLE_LABELS[user.role] : '未绑定';
  return (
    <>
      <View className='me__header'>
        <View className='me__avatar'>{user.name.slice(-2) || '我'}</View>
        <View className='me__who'>
          <View className='me__name'>{user.name || '微信用户'}</View>
          <View className='me__role'>
            <Tag type={user.role ? 'primary' : 'default'}>{roleLabel}</Tag>
            {user.helperKind && (
              <Tag type='primary' plain>
                {HELPER_KIND_LABELS[user.helperKind]}
              </Tag>
            )}
          </View>
        </View>
      </View>
      <CellGroup inset>
        <Cell title='身份' value={roleLabel} />
        {user.scope && <Cell title='所在区域' value={`${user.scope.regionName}（${REGION_LEVEL_LABELS[user.scope.level]}）`} />}
        {user.unit && <Cell title='帮扶单位' value={user.unit} />}
        {user.role === 'helper' && <MyRating />}
        {user.household && <Cell title='我的家庭' value={`${user.household.headName} 户`} label={user.household.villageName} />}
        {user.household && <Cell title='帮扶明白卡' value='查看' isLink onClick={() => void navigate('householdCard')} />}
        {(user.role === 'household' || user.role === 'helper') && (
          <Cell title='意见建议' value='写给县扶贫办' isLink onClick={() => void navigate('feedback')} />
        )}
        {!user.role && <Cell title='绑定家庭' value='去绑定' isLink onClick={() => void go(ROUTES.bind)} />}
      </CellGroup>
    </>
  );
}

/** 满意度 as a helper sees it: the mean of the households' ratings and how many, never who gave which. */
function MyRating() {
  const rating = useRequest(() => api.assignments.myRating({}));
  const r = rating.data;
  const value = !r ? (rating.error ? '暂时无法查看' : '正在查询…') : r.average === null ? '还没有户评价' : `${r.average} 分（${r.count} 次评价）`;
  return <Cell title='帮扶户满意度' value={value} label='各户评分的平均，不显示是谁打的分' />;
}

function Settings() {
  return (
    <CellGroup title='显示' inset>
      <ElderModeCell />
    </CellGroup>
  );
}
