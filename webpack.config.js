/**
 * Builds the task pane into dist/web/ (dist/ itself holds the compiled CLI) and serves it on
 * https://localhost:3000 during development.
 *
 * The manifest and the pages name one base URL, https://localhost:3000. A production build
 * writes dist/manifest.xml with that base replaced by SAMSPILL_BASE_URL, so a municipality
 * deploys the same build to its own host by setting one variable.
 */
'use strict';
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { FirstLoadGuard } = require('./scripts/firstLoadGuard');

const DEV_PORT = 3000;
const DEV_BASE_URL = `https://localhost:${DEV_PORT}`;

/** An https origin with an optional path, and nothing that would need escaping inside XML. */
function baseUrlFromEnv(value) {
  const base = (value && value.trim() ? value : DEV_BASE_URL).trim().replace(/\/+$/, '');
  if (!/^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~/-]*)?$/.test(base)) {
    throw new Error(`SAMSPILL_BASE_URL must be an https URL such as https://samspill.kommune.no (got "${value}"); ` + 'Office loads add-ins only over https.');
  }
  return base;
}

/**
 * The manifest as deployed: addresses of files move under `baseUrl`; a bare base (the AppDomain)
 * becomes the deployment's origin, since an app domain is an origin and never has a path.
 */
function rebaseManifest(xml, baseUrl) {
  const origin = new URL(baseUrl).origin;
  const devBase = new RegExp(`${DEV_BASE_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/?)`, 'g');
  return xml.replace(devBase, (_, slash) => (slash ? `${baseUrl}/` : origin));
}

/**
 * Certificates from office-addin-dev-certs, installing its development CA on first use. Where
 * that cannot happen (no admin rights, a container), serve plain http so `npm start` still runs,
 * and say what to do.
 */
async function devServerTransport() {
  try {
    const devCerts = require('office-addin-dev-certs');
    return { type: 'https', options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.warn(
      [
        '',
        `Samspill: could not set up a trusted certificate for https://localhost:${DEV_PORT} (${reason}).`,
        `Serving plain http://localhost:${DEV_PORT} instead: fine for a browser, but Excel loads add-ins only over https.`,
        'To trust the development certificate, run `npx office-addin-dev-certs install` as a user who may',
        'install certificates (it asks for an administrator password), then run `npm start` again.',
        '',
      ].join('\n'),
    );
    return { type: 'http' };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const baseUrl = baseUrlFromEnv(process.env.SAMSPILL_BASE_URL);
  const outputPath = path.resolve(__dirname, 'dist', 'web');

  const copyPatterns = [{ from: path.resolve(__dirname, 'assets'), to: 'assets' }];
  if (production) {
    copyPatterns.push({
      from: path.resolve(__dirname, 'manifest.xml'),
      // Beside dist/web, not in it: the manifest is handed to the Microsoft 365 admin centre,
      // it is not one of the files the web host serves.
      to: '../manifest.xml',
      transform: { transformer: (content) => rebaseManifest(content.toString('utf8'), baseUrl), cache: false },
    });
  }

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'eval-cheap-module-source-map',
    // browser: the same tabs as a plain page over an .xlsx file (browser mode); it never loads Office.js.
    entry: {
      taskpane: path.resolve(__dirname, 'src/taskpane/index.tsx'),
      browser: path.resolve(__dirname, 'src/browser/browserMain.tsx'),
    },
    output: {
      path: outputPath,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    // No Node fallbacks: the browser build never includes a module that touches the file system
    // (those live in src/cli and src/workbook/xlsx/xlsxFile.ts), so such an import fails the build.
    resolve: { extensions: ['.tsx', '.ts', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            configFile: path.resolve(__dirname, 'tsconfig.json'),
            // tsconfig.json targets Node (CommonJS); webpack needs ES modules to split at import().
            compilerOptions: { module: 'es2020', noEmit: false },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendor',
            // The task pane's own: browser mode's packages (zip, XML) must not join its first load.
            chunks: (chunk) => chunk.name === 'taskpane',
            priority: 10,
          },
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: 'exceljs',
            chunks: 'async',
            priority: 20,
            enforce: true,
          },
        },
      },
    },
    performance: {
      hints: production ? 'warning' : false,
      // React + Fluent v9 is ~0.6 MB before gzip; warn well before the pane gets sluggish.
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: path.resolve(__dirname, 'src/taskpane/taskpane.html'),
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'browser.html',
        template: path.resolve(__dirname, 'src/browser/browser.html'),
        chunks: ['browser'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: path.resolve(__dirname, 'src/taskpane/commands.html'),
        inject: false,
      }),
      new HtmlWebpackPlugin({
        filename: 'support.html',
        template: path.resolve(__dirname, 'src/taskpane/support.html'),
        inject: false,
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
      new FirstLoadGuard({
        pattern: /[\\/]node_modules[\\/]exceljs[\\/]/,
        reason: 'Load exceljs with import() so that it stays out of the task pane first load.',
      }),
    ],
    devServer: env.WEBPACK_SERVE
      ? {
          port: DEV_PORT,
          server: await devServerTransport(),
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          client: { overlay: { warnings: false } },
        }
      : undefined,
  };
};

module.exports.rebaseManifest = rebaseManifest;
