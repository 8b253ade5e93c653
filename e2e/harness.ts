import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = process.env.KOI_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const screenshotDir = path.join(root, 'e2e/screenshots');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export type RunningKoi = { base: string; stop: () => Promise<void>; logFile: string };

/** Koi as a user runs it: the real server process, a fresh data dir, the demo merchant, the built front ends. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningKoi> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'koi-e2e-'));
  mkdirSync(screenshotDir, { recursive: true });
  const logFile = path.join(screenshotDir, `server-${port}.log`);
  const log = createWriteStream(logFile);
  const base = `http://127.0.0.1:${port}`;
  // The embedded database by default, whatever the CI shell exports: this is the `npm start` path.
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...parentEnv } = process.env;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.join(root, 'server'),
    env: { ...parentEnv, PORT: String(port), HOST: '127.0.0.1', KOI_DATA_DIR: dataDir, KOI_DEMO: 'true', KOI_LOG_LEVEL: 'warn', KOI_PUBLIC_URL: base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}); see ${logFile}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    logFile,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

export async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Reads the last sign-in code the SMS simulator delivered to `phone` (what a person reads at /dev/sms). */
export async function lastSmsCode(base: string, phone: string): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const res = await fetch(`${base}/api/dev/sms?phone=${phone}`);
    const body = (await res.json()) as { items: { params: { code?: string } }[] };
    const code = body.items[0]?.params.code;
    if (code) return code;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no SMS for ${phone}`);
}

export function cleanScreenshots(): void {
  if (existsSync(screenshotDir)) rmSync(screenshotDir, { recursive: true, force: true });
  mkdirSync(screenshotDir, { recursive: true });
}

/** One Koi server and one browser for a test file; started before its tests, stopped after. */
export function useKoiAndBrowser(hooks: { beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void }) {
  const ctx = {} as { koi: RunningKoi; browser: Browser };
  hooks.beforeAll(async () => {
    ctx.koi = await startServer();
    ctx.browser = await launchBrowser();
  });
  hooks.afterAll(async () => {
    await ctx.browser?.close();
    await ctx.koi?.stop();
  });
  return ctx;
}
