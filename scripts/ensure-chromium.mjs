// Runs before `npm test` and `npm run test:e2e`: the browser journeys drive the system Chromium
// (the path e2e/support/browser.ts launches). Installs Debian's package when it can, otherwise
// says what to run and stops, rather than letting nine browser files fail one by one.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (!fs.existsSync(CHROMIUM)) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(`The browser tests need Chromium at ${CHROMIUM}: run sudo apt-get install chromium`);
    process.exit(1);
  }
  console.log(`Installing Chromium (${CHROMIUM} is missing): apt-get install chromium`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
