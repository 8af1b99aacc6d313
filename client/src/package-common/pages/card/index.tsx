import { Image, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { OCCASION_LABELS } from '@bangfu/types';
import type { WhoAmI } from '@bangfu/types/api/auth';
import { Button, Card, Empty, Loaded, Page, Tag } from '@/components/ui';
import ContactCard from '@/components/household/contact-card';
import { POLICY_NAMES, yuan } from '@/components/benefits/labels';
import { useRequest } from '@/hooks/use-request';
import { knownUser } from '@/services/auth';
import { api } from '@/services/client';
import { printPage } from '@/services/door-link';
import { isApiCallError } from '@/services/errors';
import { go, restart, urlOf } from '@/services/routes';
import { needsSignIn } from '@/services/session';
import { chineseDate } from '@/utils/dates';
import { cardPolicies } from './policies';
import './index.scss';

const VISITS = 3;

/**
 * 帮扶明白卡: what a household is entitled to know about its own help — its helpers (one tap to
 * call), this year's policies with amounts, the latest visits. No ID numbers. Opened by the
 * household itself, or by its helpers and admins in scope (`?id=`), who can print it with a door
 * code (`?scene=`: a 小程序码 from households.doorCode; WeChat hands the scene to the page URL-encoded).
 * The server decides who may read it; a stranger who scans the door code is asked to sign in, sees
 * nothing of the household, and comes back to this card after signing in.
 */
export default function HouseholdCardPage() {
  const { id, scene } = useRouter().params;
  const signedOut = needsSignIn();
  const me = useRequest(() => (signedOut ? Promise.resolve(null) : knownUser()), [signedOut]);
  const unknown = signedOut || (isApiCallError(me.error) && me.error.code === 'UNAUTHENTICATED');
  const here = urlOf('householdCard', { id, scene });
  const body = (user: WhoAmI) => {
    if (!user.role) return <SignInFirst bind here={here} />;
    if (scene && !id) return <ScannedCard user={user} scene={decodeURIComponent(scene)} />;
    return <CardBody user={user} householdId={id ?? user.household?.id ?? ''} />;
  };
  return <Page>{unknown ? <SignInFirst here={here} /> : <Loaded state={me}>{body}</Loaded>}</Page>;
}

/** What anyone sees before signing in: the card's purpose, never the household's data. Signing in comes back here. */
function SignInFirst({ bind, here }: { bind?: boolean; here: string }) {
  const next = () => (bind ? go(urlOf('bind', { redirect: here })) : restart(urlOf('login', { redirect: here })));
  return (
    <Card title='帮扶明白卡'>
      <View className='hcard__note'>
        {bind ? '请先绑定您的家庭，绑定后可查看本户的帮扶人、政策和走访记录。' : '这是帮扶户的帮扶明白卡。本户家庭成员、帮扶人登录后才能查看内容。'}
      </View>
      <View className='hcard__action'>
        <Button type='primary' size='large' round block onClick={() => void next()}>
          {bind ? '去绑定' : '登录后查看'}
        </Button>
      </View>
    </Card>
  );
}

/** Opened from a door code: the server says which household it names, if the caller may read that card. */
function ScannedCard({ user, scene }: { user: WhoAmI; scene: string }) {
  const opened = useRequest(() => api.households.openDoorCode({ scene }), [scene]);
  return <Loaded state={opened}>{(o) => <CardBody user={user} householdId={o.householdId} />}</Loaded>;
}

function CardBody({ user, householdId }: { user: WhoAmI; householdId: string }) {
  const benefits = useRequest(() => api.benefits.evaluateHousehold({ householdId }), [householdId]);
  const staff = user.role !== 'household';
  if (!householdId) return <Empty description='没有找到这户的帮扶明白卡' />;
  return (
    <Loaded state={benefits}>
      {(b) => (
        <View className='hcard'>
          <View className='hcard__head'>
            <View className='hcard__title'>{b.headName} 户 · 帮扶明白卡</View>
            <View className='hcard__sub'>
              {b.period} 年度 · 截至 {chineseDate(b.date)}
            </View>
          </View>
          <ContactCard householdId={householdId} />
          <PolicyCard b={b} />
          <VisitsCard householdId={householdId} />
          {staff && <PrintCard householdId={householdId} />}
        </View>
      )}
    </Loaded>
  );
}

function PolicyCard({ b }: { b: Parameters<typeof cardPolicies>[0] }) {
  const lines = cardPolicies(b);
  return (
    <Card title={`${b.period} 年享受的政策`}>
      {lines.length === 0 && <View className='hcard__note'>今年暂时没有可享受的政策。有困难请联系帮扶人。</View>}
      {lines.map((p) => (
        <View key={p.key} className='hcard__line'>
          <View className='hcard__line-head'>
            <View className='hcard__name'>{POLICY_NAMES[p.policy]}</View>
            {p.gap ? <Tag status='alert'>待落实</Tag> : p.received !== null ? <Tag status='done'>已到账</Tag> : null}
          </View>
          <View className='hcard__detail'>
            {p.subject}
            {p.amount !== null ? ` · 应享 ${yuan(p.amount)}` : ' · 服务类政策'}
            {p.received !== null ? ` · 今年已到账 ${yuan(p.received)}` : ''}
          </View>
        </View>
      ))}
    </Card>
  );
}

function VisitsCard({ householdId }: { householdId: string }) {
  const visits = useRequest(() => api.visits.listByHousehold({ householdId, limit: VISITS, offset: 0 }), [householdId]);
  return (
    <Card title='最近走访'>
      <Loaded state={visits} empty={<View className='hcard__note'>还没有走访记录。</View>}>
        {(d) => (
          <>
            {d.items.map((v) => (
              <View key={v._id} className='hcard__line'>
                <View className='hcard__name'>
                  {chineseDate(v.visitedAt)} · {OCCASION_LABELS[v.occasion]}
                </View>
                <View className='hcard__detail'>
                  走访人：{v.helperName ?? '—'}
                  {v.measures.length ? ` · 帮扶措施：${v.measures.join('、')}` : ''}
                </View>
              </View>
            ))}
            {d.total > d.items.length && (
              <View className='hcard__note'>
                共走访 {d.total} 次，这里显示最近 {d.items.length} 次
              </View>
            )}
          </>
        )}
      </Loaded>
    </Card>
  );
}

/**
 * Helpers and admins print the card for the household's door. The code is a 小程序码 issued by
 * WeChat (locally a plain QR of the same page and scene); scanning it opens this card after signing in.
 */
function PrintCard({ householdId }: { householdId: string }) {
  const code = useRequest(() => api.households.doorCode({ householdId }), [householdId]);
  return (
    <Card title='打印张贴'>
      <Loaded state={code} loadingText='正在生成门牌码…'>
        {(c) => (
          <View className='hcard__print'>
            <Image className='card-qr' src={c.image} mode='aspectFit' showMenuByLongpress ariaLabel='帮扶明白卡门牌码' />
            <View className='hcard__note'>微信扫码查看本户帮扶明白卡（需本户家庭成员或帮扶人登录，扫码者看不到任何个人信息）</View>
          </View>
        )}
      </Loaded>
      {printPage && (
        <View className='hcard__action hcard__no-print'>
          <Button type='primary' round block onClick={printPage}>
            打印明白卡
          </Button>
        </View>
      )}
    </Card>
  );
}
