/**
 * A webpack plugin that fails the build when a module matching `pattern` lands in a chunk the
 * page loads at start (an initial chunk). Heavy libraries such as exceljs must only be reached
 * through `import()`, so the task pane opens quickly; one stray static import would silently pull
 * them into the first load, and this turns that into a build error naming the module.
 */
'use strict';
const { WebpackError } = require('webpack');

const PLUGIN = 'FirstLoadGuard';

class FirstLoadGuard {
  /** @param {{ pattern: RegExp, reason: string }} options */
  constructor({ pattern, reason }) {
    this.pattern = pattern;
    this.reason = reason;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      // After chunks are optimised (split chunks done) but before modules are concatenated, so
      // every module still has its own resource path.
      compilation.hooks.afterOptimizeChunks.tap(PLUGIN, (chunks) => {
        for (const chunk of chunks) {
          if (!chunk.canBeInitial()) continue;
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            const resource = module.nameForCondition ? module.nameForCondition() : undefined;
            if (!resource || !this.pattern.test(resource)) continue;
            const chunkName = chunk.name ?? String(chunk.id ?? '?');
            compilation.errors.push(new WebpackError(`${PLUGIN}: ${resource} is in the first-load chunk "${chunkName}". ${this.reason}`));
            break;
          }
        }
      });
    });
  }
}

module.exports = { FirstLoadGuard };
