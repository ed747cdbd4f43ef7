/**
 * Counts what a user does on a page, task by task, while a test drives it: every pointer click and
 * every key pressed, so a coordinator's journey can be measured and held to a budget.
 *
 * What counts, the same for every journey:
 * - click: one click (a button, a tab, a radio, a checkbox, focusing a field with the pointer);
 * - type: one click to focus the field, then one keystroke per character typed;
 * - date: one click to focus a date field, then eight keystrokes (dd mm åååå, separators skipped);
 * - choose (a native select or a combobox option): two clicks, to open the list and to pick;
 * - press: one keystroke (Enter, Tab, Escape, a shortcut counts once);
 * - a file picked in the system's dialog: one click to open it and one to pick the file.
 * Scrolling is not counted. A task that cannot be done is recorded as impossible, with what the
 * user must do instead.
 */
import type { Locator, Page } from 'playwright-core';

export interface TaskCount {
  clicks: number;
  keys: number;
  /** Why the task cannot be done here, and what the user would do instead. */
  impossible?: string;
}

export class JourneyCounter {
  readonly tasks = new Map<string, TaskCount>();
  private current: TaskCount = { clicks: 0, keys: 0 };

  constructor(readonly page: Page) {}

  /** Starts counting a task (the counts of a name used again add up). */
  task(name: string): void {
    this.current = this.tasks.get(name) ?? { clicks: 0, keys: 0 };
    this.tasks.set(name, this.current);
  }

  impossible(name: string, why: string): void {
    this.tasks.set(name, { clicks: 0, keys: 0, impossible: why });
  }

  async click(target: Locator): Promise<void> {
    await target.click();
    this.current.clicks += 1;
  }

  async check(target: Locator): Promise<void> {
    await target.check();
    this.current.clicks += 1;
  }

  /** Focuses the field with a click, selects what is there (one chord) when asked, and types. */
  async type(target: Locator, text: string, options: { replace?: boolean } = {}): Promise<void> {
    await target.click();
    this.current.clicks += 1;
    if (options.replace) {
      await target.press('ControlOrMeta+a');
      this.current.keys += 1;
    }
    await target.pressSequentially(text);
    this.current.keys += [...text].length;
  }

  /** A date typed into a field: eight keystrokes whatever the field's own layout. */
  async date(target: Locator, iso: string): Promise<void> {
    await target.click();
    await target.fill(iso);
    this.current.clicks += 1;
    this.current.keys += 8;
  }

  /** A native <select>: open it and pick. */
  async choose(target: Locator, option: string | { index: number } | { label: string }): Promise<void> {
    await target.selectOption(option);
    this.current.clicks += 2;
  }

  /** An option of an open list (a combobox's), picked with one click after the list was opened. */
  async pick(option: Locator): Promise<void> {
    await option.click();
    this.current.clicks += 1;
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
    this.current.keys += 1;
  }

  /** Keys typed where the focus already is. */
  async keys(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    this.current.keys += [...text].length;
  }

  /** A file picked in the system's dialog: open the dialog, pick the file. */
  async pickFile(input: Locator, file: string): Promise<void> {
    await input.setInputFiles(file);
    this.current.clicks += 2;
  }

  /** Adds what a step cost that the test made in another way (a system dialog, say). */
  add(clicks: number, keys = 0): void {
    this.current.clicks += clicks;
    this.current.keys += keys;
  }

  total(): TaskCount {
    let clicks = 0;
    let keys = 0;
    for (const t of this.tasks.values()) {
      clicks += t.clicks;
      keys += t.keys;
    }
    return { clicks, keys };
  }

  /** One line per task: "name: 12 clicks, 40 keys" or "name: impossible (why)". */
  report(): string {
    return [...this.tasks]
      .map(([name, t]) => (t.impossible ? `${name}: impossible — ${t.impossible}` : `${name}: ${t.clicks} clicks, ${t.keys} keys`))
      .join('\n');
  }
}
