import { View } from '@tarojs/components';
import { useState } from 'react';
import type { WhoAmI } from '@bangfu/types/api/auth';
import { BindCode } from '@bangfu/types/api/auth';
import { Button, CellGroup, Field } from '@/components/ui';
import { bindWithCode } from '@/services/auth';
import { messageOf } from '@/services/errors';

type Props = { code: string; onCode: (code: string) => void; onBound: (me: WhoAmI) => void };

/** 用绑定码绑定: the 10 digits an admin generated for this member and told them in person or by phone. */
export default function CodeForm({ code, onCode, onBound }: Props) {
  const [error, setError] = useState('');
  const [serverError, setServerError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const submit = async () => {
    const parsed = BindCode.safeParse(code);
    if (!parsed.success) return setError(parsed.error.issues[0].message);
    setSubmitting(true);
    setServerError('');
    try {
      onBound(await bindWithCode(parsed.data));
    } catch (e) {
      // The code stays typed so a single wrong digit can be corrected.
      setServerError(messageOf(e));
      setSubmitting(false);
    }
  };
  return (
    <View>
      <CellGroup inset>
        <Field
          label='绑定码'
          name='bindCode'
          type='number'
          value={code}
          placeholder='10 位数字'
          maxlength={10}
          error={error}
          onChange={(v) => {
            onCode(v);
            setError('');
            setServerError('');
          }}
        />
      </CellGroup>
      {serverError && <View className='bind__error'>{serverError}</View>}
      <View className='bind__actions'>
        <Button type='primary' size='large' block round loading={submitting} loadingText='正在绑定…' onClick={submit}>
          用绑定码绑定
        </Button>
        <View className='bind__help'>绑定码由扶贫办为您生成，24 小时内有效，只能用一次。过期或输错多次，请联系扶贫办重新生成。</View>
      </View>
    </View>
  );
}
