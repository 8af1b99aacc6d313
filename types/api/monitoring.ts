import { AssessInput, Assessment } from '../monitoring';
import { defineApi } from './define';

/** 防返贫监测预警 (SPEC §3b). `assess` is a family's self-check: no login, nothing stored. */
export const monitoringApi = defineApi('monitoring', {
  assess: { input: AssessInput, output: Assessment, access: 'public' },
});
