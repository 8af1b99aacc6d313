import { monitoringApi } from '../../types/api/monitoring';
import { handler } from '../core/handler';
import { assess } from '../core/monitoring/assess.service';

export const main = handler(monitoringApi, {
  assess: async (input) => assess(input),
});
