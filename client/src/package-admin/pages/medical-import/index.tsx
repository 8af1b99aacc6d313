import { View } from '@tarojs/components';
import { Button, Page } from '@/components/ui';
import ImportWizard from '@/components/import-wizard';
import { api } from '@/services/client';
import { thousands } from '@/utils/format';
import { checked } from './checked';
import Opened from './opened';
import './index.scss';

/**
 * 医保大额自付导入 (部门筛查预警) in the registry import's wizard; the result lists the warnings it
 * opened. Each confirm call records up to 300 rows, so it and the re-assessment of its households
 * stay well inside a function's time limit.
 */
export default function MedicalImportPage() {
  return (
    <Page wide>
      <ImportWizard
        title='导入医保大额自付名单'
        lastStep='查看新开的预警'
        intro='医保局推送的个人自付费用较高人员名单，每行一笔费用，需有 身份证号、姓名、日期、金额 四列（表头上方的标题行会自动跳过，「身份证号码」「个人自付金额」等常用列名都能识别）。导入后会按监测规则重新研判这些户，有风险的户自动生成预警，交给帮扶人入户核实。同一人同一天同一金额只记一次，重复导入不会重复记录。'
        template={{ file: '医保导入模板', run: () => api.monitoring.medicalTemplate({}) }}
        action={api.monitoring.importMedical}
        batch={300}
        unit='笔'
        progress='passed'
        progressText={(done, total) => `并研判：${thousands(done)} / ${thousands(total)} 笔`}
        checked={checked}
        done={({ written, result, batches, restart }) => (
          <>
            <View className='import__big'>已导入 {thousands(written)} 笔自付费用</View>
            {result.valid > written && <View className='import__note'>{thousands(result.valid - written)} 笔以前已导入过，没有重复记录。</View>}
            <Opened opened={batches.flatMap((b) => b.opened)} />
            <View className='import__actions'>
              <Button round onClick={restart}>
                再导入一个文件
              </Button>
            </View>
          </>
        )}
      />
    </Page>
  );
}
