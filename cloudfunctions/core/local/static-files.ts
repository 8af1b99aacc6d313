import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * Serves the H5 build; paths without a file fall back to index.html (client-side routes).
 * `decoded` is the request path already percent-decoded by the host, without its query.
 */
export function serveStatic(root: string, decoded: string, res: ServerResponse): void {
  const target = path.normalize(path.join(root, decoded));
  if (!target.startsWith(path.normalize(root))) {
    res.writeHead(403).end();
    return;
  }
  const file = existsSync(target) && statSync(target).isFile() ? target : path.join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('H5 页面尚未构建：请运行 npm start（它会先构建 dist/h5）');
    return;
  }
  const ext = path.extname(file);
  // The page and the service worker must be checked on every load: a new build replaces both.
  const cache = file.endsWith('index.html') || decoded === '/sw.js' ? 'no-cache' : 'public, max-age=3600';
  res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': cache });
  // A file removed between the check and the read must end this response, not the process.
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
