import { findingsApi } from '../../types/api/findings';
import { handler } from '../core/handler';

/** No action yet (see types/api/findings.ts): every call answers INVALID_INPUT naming the unknown action. */
export const main = handler(findingsApi, {});
