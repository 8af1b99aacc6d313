import { View } from '@tarojs/components';
import { Button, Card, Cell, CellGroup, Loaded, Page, Tag } from '@/components/ui';
import ContactCard from '@/components/household/contact-card';
import ElderModeCell from '@/components/settings/elder-mode-cell';
import { useRequest } from '@/hooks/use-request';
import { whoami } from '@/services/auth';
import { navigate } from '@/services/routes';
import { greeting } from '@/utils/format';
import BenefitsSummary from './benefits-summary';
import NeedEntry from './need-entry';
import SelfCheckEntry from './self-check-entry';
import VisitConfirm from './visit-confirm';
import RateHelpers from './rate-helpers';
import './index.scss';

/** 帮扶户首页: who the household is, whom to call, what it is entitled to (我的政策 summary), and the 大字模式 switch. */
export default function HouseholdHome() {
  const me = useRequest(whoami);

  return (
    <Page tabBar={{ role: 'household', active: 'home' }}>
      <Loaded state={me}>
        {(user) => (
          <>
            <View className='hh__hello'>
              <View className='hh__greeting'>
                {greeting()}，{user.name}
              </View>
              <View className='hh__sub'>欢迎使用帮扶通</View>
            </View>
            <CellGroup inset>
              <ElderModeCell />
            </CellGroup>
            {user.household ? (
              <Card
                title='我的家庭'
                extra={
                  <Tag type='primary' plain>
                    已绑定
                  </Tag>
                }
              >
                <View className='hh__row'>
                  <View className='hh__label'>户主</View>
                  <View className='hh__value'>{user.household.headName}</View>
                </View>
                <View className='hh__row'>
                  <View className='hh__label'>所在村</View>
                  <View className='hh__value'>{user.household.villageName}</View>
                </View>
              </Card>
            ) : (
              <Card title='我的家庭'>
                <View className='hh__value'>还没有绑定家庭。绑定后可查看政策、上报需求、联系帮扶人。</View>
                <View className='hh__bind'>
                  <Button type='primary' size='large' round block onClick={() => void navigate('bind')}>
                    去绑定
                  </Button>
                </View>
              </Card>
            )}
            {user.household && <VisitConfirm householdId={user.household.id} />}
            {user.household && <ContactCard householdId={user.household.id} />}
            {user.household && (
              <CellGroup inset>
                <Cell title='帮扶明白卡' label='帮扶人、今年的政策和走访，一页看清' isLink onClick={() => void navigate('householdCard')} />
              </CellGroup>
            )}
            {user.household && <NeedEntry />}
            {user.household && <SelfCheckEntry />}
            {user.household && <BenefitsSummary />}
            {user.household && <RateHelpers />}
          </>
        )}
      </Loaded>
    </Page>
  );
}
