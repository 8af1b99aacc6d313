import type http from 'node:http';
import { createHost, listen } from '../../cloudfunctions/core/local/host';
import { freshDemoStore } from './store';

/**
 * The local host (no H5 build behind it) over a fresh demo county for the tests of one file:
 * started before them, stopped after. `url()` is where it listens, `store()` its demo store.
 */
export function localHostForFile() {
  let store: ReturnType<typeof freshDemoStore>;
  let server: http.Server;
  let url = '';
  beforeAll(async () => {
    store = freshDemoStore();
    server = createHost('/nonexistent-h5-build');
    url = `http://127.0.0.1:${await listen(server, 0)}`;
  });
  afterAll(() => {
    server.close();
    store.close();
  });
  return { url: () => url, store: () => store };
}
