// `npm run bench`: runs every server/bench/*.bench.ts (or those named on the command line) in turn.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { benchDir } from './lib.ts';

const only = process.argv.slice(2);
const files = readdirSync(benchDir).filter((f) => f.endsWith('.bench.ts') && (!only.length || only.some((o) => f.includes(o)))).sort();
for (const file of files) {
  const mod = (await import(path.join(benchDir, file))) as { run: () => Promise<void> };
  await mod.run();
}
