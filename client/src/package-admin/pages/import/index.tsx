import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Page } from '@/components/ui';
import ImportWizard from '@/components/import-wizard';
import { api } from '@/services/client';
import { go, ROUTES } from '@/services/routes';
import { thousands } from '@/utils/format';

/** Back to the list this wizard was opened from (it reloads on show); a deep link opens a fresh one. */
const backToList = () => void Taro.navigateBack().catch(() => go(ROUTES.adminHouseholds));

/** 导入向导 for the registry: one row per member; each confirm call writes up to 500 households. */
export default function ImportPage() {
  return (
    <Page wide>
      <ImportWizard
        title='导入户籍表格'
        lastStep='完成'
        intro='每行一位家庭成员，同一户的成员户编号相同（户编号留空表示与上一行同户）。可以直接用县里现有的花名册：表头上方的标题行会自动跳过，常用列名（如 身份证号码、与户主的关系、户号）都能识别；不确定时请下载导入模板对照填写。以身份证号为准：已登记的人会更新，不会重复建档。'
        template={{ file: '户籍导入模板', run: () => api.households.importTemplate({}) }}
        action={api.households.importXlsx}
        batch={500}
        unit='户'
        progress='written'
        progressText={(done, total) => `：${done} / ${total} 户`}
        checked={{
          summary: (file, r) => (
            <>
              「{file}」共 {thousands(r.rows)} 行：<View className='import__ok'>{thousands(r.valid)} 户可以导入</View>，
              <View className={r.errors.length ? 'import__bad' : 'import__ok'}>{r.errors.length} 处问题</View>
            </>
          ),
          empty: '没有可以导入的户，请改正表格后重新上传。',
          note: (r) => `确认后只导入没有问题的 ${r.valid} 户；有问题的行不会写入。`,
          confirm: (r) => `确认导入 ${r.valid} 户`,
        }}
        onWritten={(written) => void Taro.showToast({ title: `已导入 ${written} 户`, icon: 'success' })}
        done={({ written, result }) => (
          <>
            <View className='import__big'>已导入 {thousands(written)} 户</View>
            {result.errors.length > 0 && <View className='import__note'>有 {result.errors.length} 处问题的行没有导入，请在表格中改正后再导入一次。</View>}
            <Button type='primary' round onClick={backToList}>
              查看户籍台账
            </Button>
          </>
        )}
      />
    </Page>
  );
}
