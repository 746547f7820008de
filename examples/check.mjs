// `npm run check:examples` (and `npm start` where no editor can be started): runs the CLI over examples/ after the build. The bad examples are meant to fail (exit 1), so
// this script reports the exit status and exits 0 unless the CLI itself could not run (exit 2 or a crash).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'examples'], { cwd: root, stdio: 'inherit' });
if (r.status === 1) {
  console.log('\nExit status 1: the policies under examples/bad/ have error findings, as intended (examples/good/ has none).');
  process.exit(0);
}
process.exit(r.status ?? 2);
