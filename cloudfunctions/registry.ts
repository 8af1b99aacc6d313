import type { FunctionName } from '../types/api';
import type { FunctionMain } from './core/handler';
import { main as auth } from './auth';
import { main as households } from './households';
import { main as assignments } from './assignments';
import { main as visits } from './visits';
import { main as benefits } from './benefits';
import { main as needs } from './needs';
import { main as notices } from './notices';
import { main as findings } from './findings';
import { main as monitoring } from './monitoring';
import { main as reports } from './reports';
import { main as feedback } from './feedback';
import { main as maintenance } from './maintenance';

/** Every function's entry, by name: the local host and the tests dispatch through this map. */
export const FUNCTIONS: Record<FunctionName, FunctionMain> = {
  auth,
  households,
  assignments,
  visits,
  benefits,
  needs,
  notices,
  findings,
  monitoring,
  reports,
  feedback,
  maintenance,
};
