import Taro from '@tarojs/taro';
import { CONTACT_KIND_LABELS, type HouseholdContact } from '@bangfu/types';
import { Button } from '@/components/ui';

/** "联系帮扶人 张三" / "联系村干部 郑书记": one tap calls them (the number is sent to the household only). */
export default function CallButton({ contact, type = 'primary', plain }: { contact: HouseholdContact; type?: 'primary' | 'danger'; plain?: boolean }) {
  if (!contact.phone) return null;
  const phone = contact.phone;
  return (
    <Button type={type} plain={plain} size='large' block round onClick={() => void Taro.makePhoneCall({ phoneNumber: phone })}>
      联系{CONTACT_KIND_LABELS[contact.kind]} {contact.name}
    </Button>
  );
}
