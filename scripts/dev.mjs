// `npm run dev`: the API with reload on change, and Vite's dev server with hot reload.
import { spawn } from 'node:child_process';

const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'apps/server/src/main.ts', 'start'], { stdio: 'inherit' }),
  spawn('npm', ['run', 'dev', '--workspace=@haven/web'], { stdio: 'inherit' }),
];
console.log('\nHaven (development): open http://localhost:5173 — the API runs on http://localhost:3000\n');
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
