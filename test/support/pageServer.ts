/**
 * Building the web pages with the project's own webpack configuration and serving them on
 * 127.0.0.1, for the tests that drive them in Chromium.
 */
import fs from 'fs';
import http from 'http';
import path from 'path';
import webpack from 'webpack';

type MakeConfig = (env: Record<string, unknown>, argv: { mode: 'production' | 'development' }) => Promise<webpack.Configuration>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig: MakeConfig = require('../../webpack.config.js');

/** A development build into `out`; `entry` replaces the configured entries when given. */
export async function buildPages(out: string, entry?: webpack.Configuration['entry']): Promise<void> {
  const config = await makeConfig({}, { mode: 'development' });
  config.devtool = false;
  if (entry) config.entry = entry;
  config.output = { ...config.output, path: out };
  const stats = await new Promise<webpack.Stats>((resolve, reject) => webpack(config, (error, result) => (error || !result ? reject(error) : resolve(result))));
  const errors = stats.toJson({ all: false, errors: true }).errors ?? [];
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
}

/** Serves the files under `root` (and nothing outside it) on a free port of 127.0.0.1. */
export function servePages(root: string): Promise<http.Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.png': 'image/png' };
  const handler: http.RequestListener = (req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  };
  return new Promise((resolve) => {
    const s = http.createServer(handler);
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}
