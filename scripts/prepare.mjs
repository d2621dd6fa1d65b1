// Runs before `npm start`: installs dependencies on a fresh clone and (re)builds the
// web app when its sources are newer than the build. Plain Node: nothing is installed yet.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const run = (command) => execSync(command, { cwd: root, stdio: 'inherit' });

if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  console.log('Installing dependencies (first start)…');
  run('npm ci');
}

const built = path.join(root, 'apps/web/dist/index.html');
const sources = ['apps/web/src', 'apps/web/index.html', 'apps/web/public', 'packages/contract/src'];
if (!fs.existsSync(built) || newestChange(sources) > fs.statSync(built).mtimeMs) {
  console.log('Building the web app…');
  run('npm run build');
}

function newestChange(paths) {
  let newest = 0;
  for (const relative of paths) {
    const full = path.join(root, relative);
    if (!fs.existsSync(full)) continue;
    const stat = fs.statSync(full);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) {
      newest = Math.max(newest, newestChange(fs.readdirSync(full).map((entry) => path.join(relative, entry))));
    }
  }
  return newest;
}
