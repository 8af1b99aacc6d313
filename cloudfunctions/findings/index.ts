import { findingsApi } from '../../types/api/findings';
import { handler } from '../core/handler';

/** Actions arrive with their issues; until then each answers a clear "not open yet" error. */
export const main = handler(findingsApi, {});
