import { parseArgs } from 'node:util';
import { SignUpRequest } from '@haven/contract';
import { createInterface } from 'node:readline/promises';
import { buildApp, type App } from './app.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { AppError } from './platform/http/errors.ts';
import { openDatabase } from './platform/db/database.ts';
import { migrate } from './platform/db/migrator.ts';
import { ensureDemoAccounts } from './modules/demo/demo.service.ts';
import { createAccount, ensureAdmin } from './modules/identity/identity.service.ts';

const usage = `Usage: haven <command>
  start          start the server (API and web app)
  migrate        apply database migrations and exit
  create-admin   --email EMAIL [--name NAME]; reads the password from standard input`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start':
      return start(config);
    case 'migrate':
      return runMigrations(config);
    case 'create-admin':
      return createAdminFromCli(config, rest);
    default:
      console.error(usage);
      process.exitCode = 2;
  }
}

async function start(config: Config): Promise<void> {
  const app = await buildApp(config);
  installShutdown(app);
  if (config.admin) await ensureAdmin(app.context.db, config.admin);
  await app.http.listen({ port: config.port, host: config.host });
  const address = `http://localhost:${config.port}`;
  if (config.demo) {
    const accounts = await ensureDemoAccounts(app.context.db, config.dataDir);
    console.log('\nDemo accounts (development only):');
    for (const a of accounts) console.log(`  ${a.role.padEnd(9)} ${a.email.padEnd(28)} ${a.password}`);
  }
  console.log(`\nHaven is running. Open ${address}\n`);
}

function installShutdown(app: App): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    app.http.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function runMigrations(config: Config): Promise<void> {
  const database = await openDatabase(config.database);
  try {
    const applied = await migrate(database);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await database.close();
  }
}

async function createAdminFromCli(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email) throw new ConfigError('create-admin needs --email EMAIL.');
  const password = await readPassword();
  const account = SignUpRequest.safeParse({ email: values.email, password, preferredName: values.name ?? 'Administrator' });
  if (!account.success) throw new ConfigError(account.error.issues.map((i) => i.message).join('\n'));
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
    await createAccount(database.db, { ...account.data, role: 'admin' });
    console.log(`Admin account created for ${values.email}.`);
  } finally {
    await database.close();
  }
}

async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  try {
    return (await rl.question('Password for the new admin: ')).trim();
  } finally {
    rl.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof AppError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
