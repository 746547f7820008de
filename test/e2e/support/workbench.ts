// Drives the VS Code workbench in Debian's Chromium with playwright-core: open a file, move the cursor, run a
// command, read the Problems panel, take screenshots. Every wait is on DOM state, never a fixed sleep.

import { chromium, type Browser, type BrowserServer, type LaunchOptions, type Locator, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR } from './codeServer';
import { sharedSession } from './shared';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function launchOptions(scratch: string): LaunchOptions {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, HOME: join(scratch, 'home'), TMPDIR: join(scratch, 'tmp') },
  };
}

/**
 * The browser of one suite. Under the e2e layer's runner: a connection to the one shared Chromium (every page a
 * suite opens is a new, isolated browser context; close() disconnects and drops them); run alone: a Chromium
 * of its own, with HOME and TMPDIR in `scratch`.
 */
export async function launchBrowser(scratch: string): Promise<Browser> {
  const shared = sharedSession();
  if (!shared) return chromium.launch(launchOptions(scratch));
  const browser = await chromium.connect(shared.wsEndpoint);
  const disconnect = browser.close.bind(browser);
  // close each window as a user closing the tab does (unload handlers run): the workbench then tells code-server
  // it is gone and the window's extension host and language server end now, not after the reconnection grace
  // time (minutes) in which later suites would share the machine with them
  browser.close = async (options) => {
    for (const page of browser.contexts().flatMap((context) => context.pages())) {
      const closed = page.waitForEvent('close', { timeout: 15_000 }).catch(() => undefined);
      await page.close({ runBeforeUnload: true }).catch(() => undefined);
      await closed;
    }
    await disconnect(options);
  };
  return browser;
}

/** The runner's shared Chromium, which suites connect to (launchBrowser). */
export function launchBrowserServer(scratch: string): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions(scratch));
}

export class Workbench {
  constructor(readonly page: Page) {}

  static async open(browser: Browser, url: string): Promise<Workbench> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(30_000);
    await page.goto(url);
    // a cold start (fresh user-data dir, busy CI machine) can take longer than one step's 30 s
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    // the explorer shows the workspace once the remote file system is connected
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
    return new Workbench(page);
  }

  /** The active editor's text area region. */
  get editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Presses Down in a focused list widget until the focused row holds `text` (a widget has few rows). */
  async focusListRow(widget: Locator, text: string): Promise<void> {
    const rows = await widget.locator('.monaco-list-row').count();
    for (let i = 0; i <= rows; i++) {
      if ((await widget.locator('.monaco-list-row.focused', { hasText: text }).count()) > 0) return;
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`no row "${text}" in the list: ${await widget.innerText()}`);
  }

  async openFile(name: string): Promise<void> {
    // close whatever a previous step left open (hover, suggest, action widget), without waiting for anything
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    // exact file name: quick open also lists recently opened virtual documents whose names contain it
    const exact = new RegExp(`^${escapeRegExp(name)}$`);
    const row = this.page.locator('.quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exact }) }).first();
    await row.waitFor();
    const tab = this.page.locator('.tabs-container .tab.active').filter({ has: this.page.locator('.label-name', { hasText: exact }) });
    for (let attempt = 1; ; attempt++) {
      await row.click();
      if (await tab.waitFor({ timeout: 15_000 }).then(() => true, () => false)) break;
      // on a busy machine the list can re-render under the click (file search results arriving after the
      // recently opened ones) and quick open stays up with the row in it: click again; else wait on
      if (attempt === 3 || !(await row.isVisible())) {
        await tab.waitFor();
        break;
      }
    }
    await this.editor.locator('.view-lines').waitFor();
    await this.focusEditor();
  }

  /** Quick open leaves the focus in the opened editor: wait for that, then put the cursor at the start. */
  async focusEditor(): Promise<void> {
    await this.page.locator('.editor-group-container.active .monaco-editor.focused').first().waitFor();
    await this.page.keyboard.press('Control+Home');
  }

  /** Runs a command by its palette title. */
  async command(title: string): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+Shift+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Moves the cursor to a 1-based line and column with Go to Line. */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.editor.locator('.cursors-layer .cursor').first().waitFor();
  }

  /** A rendered token span of the editor whose whole text is `text`. */
  token(text: string): Locator {
    return this.editor.locator('.view-line span span', { hasText: new RegExp(`^${escapeRegExp(text)}$`) }).first();
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
  }

  async screenshot(name: string): Promise<string> {
    const file = join(RESULTS_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
