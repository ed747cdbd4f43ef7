/**
 * axe-core over a page in Chromium, Fluent's focus helpers included. Fluent's focus manager
 * (tabster) puts invisible focus sentinels (`data-tabster-dummy`) at the edges of dialogs, menus
 * and tab lists: aria-hidden spans with tabindex 0 that pass the focus straight on, so a keyboard
 * user never rests on one and a screen reader never reads one. axe's aria-hidden-focus flags them
 * all the same. They are not excluded from the run: each serious or critical violation is checked,
 * and one is set apart as justified only when every node it names is such a sentinel; any other
 * is a failure the caller sees.
 */
import type { Page } from 'playwright-core';

const AXE = require.resolve('axe-core/axe.min.js');

export interface AxeResult {
  /** Serious and critical violations that are not only Fluent's focus sentinels: must be empty. */
  serious: string[];
  /** Violations whose every node is a focus sentinel: counted, reported, justified above. */
  sentinels: string[];
}

export async function axeCheck(page: Page): Promise<AxeResult> {
  // A dialog fading in has, for a moment, text of too little contrast: check what the user sees once it stands still.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5000 }).catch(() => undefined);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Node = { html: string; target: string[] };
    type Violation = { id: string; impact: string; nodes: Node[] };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    const serious: string[] = [];
    const sentinels: string[] = [];
    for (const v of result.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      const isSentinel = (n: Node) => n.target.every((selector) => document.querySelector(selector)?.hasAttribute('data-tabster-dummy') ?? false);
      const line = `${v.id} ${JSON.stringify(v.nodes.map((n) => n.html.slice(0, 160)))}`;
      if (v.nodes.every(isSentinel)) sentinels.push(line);
      else serious.push(line);
    }
    return { serious, sentinels };
  });
}
