/**
 * Browser mode in Chromium for one test file: the pages built into `out` and served from a local
 * port, one Chromium (in English, so date fields read the same on every machine) and a scratch
 * folder beside the build. Under CI=true a missing Chromium fails instead of skipping.
 */
import fs from 'fs';
import type http from 'http';
import path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser } from 'playwright-core';
import { buildPages, servePages } from './pageServer';

export const CHROMIUM = '/usr/bin/chromium';

export function chromiumPresent(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`Chromium is required under CI but ${CHROMIUM} does not exist.`);
  return false;
}

export interface BrowserSession {
  server: http.Server;
  /** The pages' address, e.g. http://127.0.0.1:41234. */
  base: string;
  browser: Browser;
  /** A scratch folder of the test's own, removed afterwards. */
  work: string;
}

export async function startBrowserSession(out: string, workPrefix: string): Promise<BrowserSession> {
  const shots = path.dirname(out);
  fs.mkdirSync(shots, { recursive: true });
  const work = fs.mkdtempSync(path.join(shots, workPrefix));
  await buildPages(out);
  const server = await servePages(out);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--lang=en-US'] });
  return { server, base, browser, work };
}

export async function stopBrowserSession(session: Partial<BrowserSession>): Promise<void> {
  await session.browser?.close();
  const { server } = session;
  if (server) await new Promise((resolve) => server.close(resolve));
  if (session.work) fs.rmSync(session.work, { recursive: true, force: true });
}
