// The Debian packages that `npm start` (code-server's native modules) and `npm test` (real-editor tests in
// Chromium, the Neovim client test) need, and how they get onto the machine: as root with apt-get, they are
// installed here (after `apt-get update`), saying what and why; otherwise the exact command is printed.
// Does not install npm packages or code-server itself (scripts/installCodeServer.sh does).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Each package with the check that tells whether it is already there. */
const PACKAGES = {
  ripgrep: () => onPath('rg'),
  'libkrb5-dev': () => existsSync('/usr/include/krb5.h') || existsSync('/usr/include/gssapi/gssapi.h'),
  chromium: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
  neovim: () => onPath('nvim'),
};

/** What code-server needs to install (its native modules build against Kerberos; it wants ripgrep). */
export const CODE_SERVER_PACKAGES = ['ripgrep', 'libkrb5-dev'];
/** What the whole test suite needs: code-server's packages, Chromium to drive it, Neovim as a second client. */
export const TEST_PACKAGES = [...CODE_SERVER_PACKAGES, 'chromium', 'neovim'];

export function missingPackages(names) {
  return names.filter((name) => !PACKAGES[name]());
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The command a person would type on this machine to install `names`. */
export function installCommand(names) {
  if (!onPath('apt-get')) return `install ${names.join(', ')} with your system's package manager`;
  const sudo = isRoot() ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y ${names.join(' ')}`;
}

/**
 * Makes sure `names` are installed. Installs them itself only as root with apt-get (and not when
 * IAM_NO_APT=1); otherwise prints the exact command. Returns the packages still missing afterwards.
 */
export function ensurePackages(names, why, log = console.log) {
  const missing = missingPackages(names);
  if (missing.length === 0) return [];
  if (!isRoot() || !onPath('apt-get') || process.env.IAM_NO_APT === '1') {
    log(`Missing system packages ${missing.join(', ')} (${why}). Install them with:\n  ${installCommand(missing)}`);
    return missing;
  }
  log(`Installing ${missing.join(', ')} with apt-get (${why}): apt-get update, then apt-get install -y ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (update.status !== 0) log('apt-get update failed; trying the install with the package lists already here');
  const install = spawnSync('apt-get', ['install', '-y', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const still = missingPackages(missing);
  if (install.status !== 0 || still.length > 0) log(`apt-get could not install ${still.join(', ') || missing.join(', ')} (exit ${install.status}); try: ${installCommand(still.length ? still : missing)}`);
  return still;
}
