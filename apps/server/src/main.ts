import path from 'node:path';
import { parseArgs } from 'node:util';
import { SignUpRequest } from '@haven/contract';
import { createInterface } from 'node:readline/promises';
import { blobRootFor, blobStoreFor, buildApp, type App } from './app.ts';
import { createBackup } from './platform/backup/backup.ts';
import { BackupError } from './platform/backup/manifest.ts';
import { restoreBackup } from './platform/backup/restore.ts';
import { verifyAuditTrail } from './modules/audit/verification.service.ts';
import { auditKeyFrom } from './platform/audit/chain.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { AppError } from './platform/http/errors.ts';
import { createSealer } from './platform/crypto/envelope.ts';
import { localKeyProvider } from './platform/crypto/key-provider.ts';
import { openDatabase } from './platform/db/database.ts';
import { migrate } from './platform/db/migrator.ts';
import { periodicJobs } from './jobs.ts';
import { ensureDemoCaseload } from './modules/demo/caseload.ts';
import { ensureDemoAccounts, ensureDemoNetwork, ensureDemoPartners } from './modules/demo/demo.service.ts';
import { startPeriodicJobs } from './platform/jobs/scheduler.ts';
import { createAccount, ensureAdmin } from './modules/identity/identity.service.ts';

const usage = `Usage: haven <command>
  start          [--role all|api|worker] start the server: api (HTTP + web app), worker (background jobs), or both
  migrate        apply database migrations and exit
  create-admin   --email EMAIL [--name NAME]; reads the password from standard input
  rotate-master-key  add a new master key version and re-wrap every client's data key under it
  audit-verify   link what is committed, then check the whole audit chain and its checkpoints;
                 exits 0 when intact, 1 naming the first row that does not verify
  backup DIR     [--keys KEYS_DIR] write the database, blobs and a manifest to DIR (empty or new), and the
                 master key file to KEYS_DIR (default DIR.keys): keep the two apart. Stop Haven first on the embedded database
  restore DIR    [--keys KEYS_DIR] [--force] check the backup, then restore it into the configured database, blob store
                 and key file; refuses a corrupt or mismatched backup, and a target that is not empty unless --force`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start':
      return start(config, parseRole(rest));
    case 'migrate':
      return runMigrations(config);
    case 'create-admin':
      return createAdminFromCli(config, rest);
    case 'rotate-master-key':
      return rotateMasterKey(config);
    case 'audit-verify':
      return verifyAuditFromCli(config);
    case 'backup':
      return backupFromCli(config, rest);
    case 'restore':
      return restoreFromCli(config, rest);
    default:
      console.error(usage);
      process.exitCode = 2;
  }
}

type Role = 'all' | 'api' | 'worker';

function parseRole(args: string[]): Role {
  const { values } = parseArgs({ args, options: { role: { type: 'string', default: 'all' } } });
  if (values.role !== 'all' && values.role !== 'api' && values.role !== 'worker') {
    throw new ConfigError(`--role must be all, api or worker (got "${values.role}").`);
  }
  return values.role;
}

async function start(config: Config, role: Role): Promise<void> {
  const app = await buildApp(config);
  const jobs = role === 'api' ? null : startPeriodicJobs(periodicJobs(app.context, app.http.log), app.http.log);
  installShutdown(async () => {
    await jobs?.stop();
    await app.close();
  }, app.http.log);
  if (config.admin) await ensureAdmin(app.context.db, config.admin);
  if (config.demo) await loadDemoData(app, config);
  if (role === 'worker') {
    console.log('Haven worker is running background jobs.');
    return;
  }
  await app.http.listen({ port: config.port, host: config.host });
  console.log(`\nHaven is running. Open http://localhost:${config.port}\n`);
}

async function loadDemoData(app: App, config: Config): Promise<void> {
  const { context } = app;
  const accounts = await ensureDemoAccounts(context.db, config.dataDir);
  const network = await ensureDemoNetwork(context, accounts);
  console.log(
    `\nDemo provider network: ${network.providers} providers licensed across ${network.states} of the 51 jurisdictions (50 states and DC)${network.created ? ', created now' : ''}.`,
  );
  const partners = await ensureDemoPartners(context.db);
  console.log(
    `Demo coverage: EAP codes ${partners.codes.join(', ')}; health plans ${partners.healthPlans.join(', ')} (member IDs ending 2–9 are covered).`,
  );
  const caseload = await ensureDemoCaseload(app, accounts);
  console.log(
    `Demo caseload: the demo provider cares for ${caseload.clients} clients, the demo client among them${caseload.created ? ', created now' : ''}.`,
  );
  console.log('Demo accounts (development only):');
  for (const a of accounts) console.log(`  ${a.role.padEnd(9)} ${a.email.padEnd(28)} ${a.password}`);
}

function installShutdown(close: () => Promise<void>, log: App['http']['log']): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    close().then(
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

async function rotateMasterKey(config: Config): Promise<void> {
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
    const keys = await localKeyProvider(config.masterKeyFile);
    const version = await keys.addVersion();
    const rewrapped = await createSealer(database.db, keys).rewrapAll();
    console.log(`Master key version ${version} is current; re-wrapped ${rewrapped} data key(s).`);
  } finally {
    await database.close();
  }
}

async function verifyAuditFromCli(config: Config): Promise<void> {
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
    const auditKey = auditKeyFrom(await localKeyProvider(config.masterKeyFile));
    const result = await verifyAuditTrail({ db: database.db, auditKey, blobs: blobStoreFor(config) });
    const counts = `${result.chained} row(s) chained, ${result.unchained} waiting, ${result.checkpoints} checkpoint(s)`;
    if (result.intact) {
      console.log(`The audit trail is intact: ${counts}.`);
    } else {
      console.error(`The audit trail does NOT verify: ${result.problem} (${counts}).`);
      if (result.firstBroken) console.error(`First broken row: ${result.firstBroken}`);
      process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
}

function backupPlace(command: string, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { keys: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new ConfigError(`${command} needs one directory: haven ${command} DIR [--keys KEYS_DIR]`);
  const dir = path.resolve(positionals[0]!);
  return { dir, keysDir: path.resolve(values.keys ?? `${dir}.keys`), force: values.force };
}

async function backupFromCli(config: Config, args: string[]): Promise<void> {
  const place = backupPlace('backup', args);
  const started = performance.now();
  const summary = await createBackup(config, blobRootFor(config), place);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const counts = Object.entries(summary.counts)
    .map(([table, n]) => `${n} ${table}`)
    .join(', ');
  console.log(
    `Backup written to ${place.dir}: ${summary.files} file(s), ${summary.bytes} bytes, in ${seconds} s (at ${summary.migration}; ${counts}).`,
  );
  console.log(`Master key file written to ${place.keysDir}: store it apart from the backup; the data cannot be read without it.`);
}

async function restoreFromCli(config: Config, args: string[]): Promise<void> {
  const place = backupPlace('restore', args);
  const manifest = await restoreBackup(config, blobRootFor(config), place);
  console.log(
    `Restored the backup of ${manifest.createdAt} (Haven ${manifest.havenVersion}, at ${manifest.database.migration}). Start Haven to use it.`,
  );
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
  if (error instanceof ConfigError || error instanceof AppError || error instanceof BackupError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
