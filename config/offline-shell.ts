import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const NAME = 'BangfuOfflineShell';

/** What the shell keeps: the page and every script, style and image the build emits (not maps). */
const kept = (file: string) => /\.(js|css|html|png|jpe?g|svg|gif|webp|woff2?|ttf)$/.test(file) && file !== 'sw.js';

/**
 * Emits /sw.js (config/sw.template.js) with the H5 build's own file list, after every other
 * asset is named (content hashes included), so the worker precaches exactly this build: the
 * helper's pages work offline after one online load, whichever pages that load opened.
 */
export class OfflineShellPlugin {
  constructor(private readonly template: string) {}

  apply(compiler: any) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation: any) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets: Record<string, unknown>) => {
        const files = Object.keys(assets)
          .filter(kept)
          .sort()
          .map((f) => `/${f}`);
        const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
        const source = readFileSync(this.template, 'utf8')
          .replace('__BANGFU_SHELL_FILES__', JSON.stringify(files))
          .replace('__BANGFU_SHELL_VERSION__', JSON.stringify(version));
        compilation.emitAsset('sw.js', new sources.RawSource(source));
      });
    });
  }
}
