import { stopAllHosts } from './host';

// Browser tests drive a real page over a real host on a shared 2-core machine; a test that times out
// once is retried once, and the first failure is still printed so flakiness stays visible.
jest.retryTimes(1, { logErrorsBeforeRetry: true });

// Hosts a test file started itself are stopped after it, whatever happened to its tests.
afterAll(() => stopAllHosts());
