import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BindHouseholdInput, type WhoAmI } from '@bangfu/types/api/auth';
import CodeForm from '@/components/bind/code-form';
import { Button, CellGroup, Field, Page } from '@/components/ui';
import { bindHousehold } from '@/services/auth';
import { fieldErrorsOf, messageOf } from '@/services/errors';
import { HOME_OF, navigate, restart, returnTarget, ROUTES } from '@/services/routes';
import { tell } from '@/services/tell';
import { clearDemoOpenid, DEMO_SIGN_IN } from '@/services/session';
import './index.scss';

type Form = { name: string; idSuffix: string; phone: string };
type Errors = Partial<Record<keyof Form, string>>;

/** The same schema the server validates with: field messages appear before anything is sent. */
function validate(form: Form): { input?: BindHouseholdInput; errors: Errors } {
  const parsed = BindHouseholdInput.safeParse(form);
  if (parsed.success) return { input: parsed.data, errors: {} };
  const errors: Errors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof Form;
    if (!errors[key]) errors[key] = issue.message;
  }
  return { errors };
}

/** 绑定家庭: a household member links this WeChat account to their household. */
export default function Bind() {
  const [form, setForm] = useState<Form>({ name: '', idSuffix: '', phone: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  // Both ways keep what was typed when switching between them.
  const [byCode, setByCode] = useState(false);
  const [code, setCode] = useState('');

  const bound = (me: WhoAmI) => {
    void tell('绑定成功');
    // Back to where binding was asked for (a scanned door code's card, `?redirect=`, own pages only), else home.
    const back = returnTarget(Taro.getCurrentInstance().router?.params.redirect);
    setTimeout(() => void restart(back ?? (me.role ? HOME_OF[me.role] : ROUTES.launcher)), 800);
  };

  const set = (key: keyof Form) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setServerError('');
  };

  const submit = async () => {
    const { input, errors: found } = validate(form);
    setErrors(found);
    if (!input) return;
    setSubmitting(true);
    setServerError('');
    try {
      bound(await bindHousehold(input));
    } catch (e) {
      // Keep everything typed; a field's problem goes under that field, anything else below the form.
      const byField = fieldErrorsOf(e);
      const placed: Errors = { name: byField.name, idSuffix: byField.idSuffix, phone: byField.phone };
      if (placed.name || placed.idSuffix || placed.phone) setErrors(placed);
      else setServerError(messageOf(e));
      setSubmitting(false);
    }
  };

  return (
    <Page>
      <View className='bind__intro'>
        <View className='bind__title'>绑定您的家庭</View>
        <View className='bind__note'>
          {byCode ? '输入扶贫办当面或电话告诉您的 10 位绑定码。' : '填写户内任意一位家庭成员的信息。'}绑定后可以查看家里享受的政策、联系帮扶人。
        </View>
      </View>
      {byCode ? (
        <CodeForm code={code} onCode={setCode} onBound={bound} />
      ) : (
        <>
          <CellGroup inset>
            <Field label='姓名' name='name' value={form.name} placeholder='家庭成员姓名' maxlength={20} error={errors.name} onChange={set('name')} />
            <Field
              label='身份证号后 6 位'
              name='idSuffix'
              type='idcard'
              value={form.idSuffix}
              placeholder='例如 02345X'
              maxlength={6}
              error={errors.idSuffix}
              onChange={set('idSuffix')}
            />
            <Field
              label='手机号'
              name='phone'
              type='number'
              value={form.phone}
              placeholder='登记的手机号'
              maxlength={11}
              error={errors.phone}
              onChange={set('phone')}
            />
          </CellGroup>
          {serverError && <View className='bind__error'>{serverError}</View>}
          <View className='bind__actions'>
            <Button type='primary' size='large' block round loading={submitting} loadingText='正在绑定…' onClick={submit}>
              绑定
            </Button>
            <View className='bind__help'>信息仅用于核对身份，不会公开。如无法绑定，请联系扶贫办为您生成绑定码，或由帮扶责任人代为绑定。</View>
          </View>
        </>
      )}
      <View className='bind__more'>
        <View className='bind__switch' onClick={() => setByCode(!byCode)}>
          {byCode ? '改用姓名、身份证号和手机号绑定 ›' : '有扶贫办给的绑定码？用绑定码绑定 ›'}
        </View>
        <View className='bind__switch' onClick={() => void navigate('calculator')}>
          不绑定，先用政策计算器算一算 ›
        </View>
        {DEMO_SIGN_IN && (
          <View
            className='bind__switch'
            onClick={() => {
              clearDemoOpenid();
              void restart(ROUTES.login);
            }}
          >
            切换演示账号
          </View>
        )}
      </View>
    </Page>
  );
}
