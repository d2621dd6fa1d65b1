// Upload and media benchmark: a 100 MB video message streamed over HTTP into a room, then 64 KiB
// range reads of it, measured for peak resident memory, time and the longest event-loop stall.
//
//   npm run bench:uploads [megabytes]        (default 100)
//
// A whole Haven runs in this process on a real port (PGlite by default; TEST_DATABASE_URL for
// PostgreSQL); the client streams the body from a generator, so what memory grows by is the
// server's. Baselines measured in the same run, after the subject so leftovers flatter them, not
// it: the same bytes streamed through AES-256-GCM straight into a file (the floor any sealed
// upload sits on), and a 64 KiB range served the way media was served before chunked sealing
// (the whole file decrypted, then sliced). Benchmarks print figures; they are not tests.
import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Message } from '@haven/contract';
import { percentile } from '@haven/domain';
import { insertClient } from '../apps/server/src/testing/clients.ts';
import { signIn, startTestApp } from '../apps/server/src/testing/test-app.ts';
import { aRecording, sampleRss, streamUpload } from '../apps/server/src/testing/uploads.ts';

const MB = 2 ** 20;
const megabytes = Number(process.argv[2] ?? 100);
const RANGE = 64 * 1024;
const READS = 20;

const line = (name: string, value: number | null, unit: string) =>
  console.log(`${name} ${value === null ? 'n/a' : value.toFixed(2)} ${unit}`);

/** Runs `work` while sampling memory and the event loop: its time, peak RSS growth and longest stall. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; rssMb: number; stallMs: number }> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const memory = sampleRss();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const rssMb = memory.stop() / MB;
  loop.disable();
  return { result, ms, rssMb, stallMs: loop.max / 1e6 };
}

const app = await startTestApp({ HAVEN_UPLOAD_QUOTA_BYTES: String(4 * megabytes * MB) });
try {
  const url = await app.http.listen({ port: 0, host: '127.0.0.1' });
  console.log(
    `Haven upload benchmark: one ${megabytes} MB video message, ${READS} reads of ${RANGE / 1024} KiB, on ${app.config.database.kind}`,
  );
  const client = await insertClient(app.context.db);
  const cookie = await signIn(app, { email: client.email, password: client.password });
  const video = aRecording(megabytes * MB);
  // Warm-up: JIT, the route's first request, the client's data key.
  const warm = aRecording(MB);
  await streamUpload(url, cookie, client.roomId, { clientMessageId: randomUUID(), kind: 'video' }, 'video/webm', warm.pieces(), warm.bytes);

  const upload = await measured(() =>
    streamUpload(url, cookie, client.roomId, { clientMessageId: randomUUID(), kind: 'video' }, 'video/webm', video.pieces(), video.bytes),
  );
  if (upload.result.status !== 201) throw new Error(`The upload failed: ${upload.result.status} ${upload.result.body}`);
  const mediaUrl = new URL((JSON.parse(upload.result.body) as Message).attachment!.url, url);

  const start = Math.floor(video.bytes * 0.7);
  const rangeTimes: number[] = [];
  let rangeRss = 0;
  for (let i = 0; i < READS; i += 1) {
    const read = await measured(async () => {
      const response = await fetch(mediaUrl, { headers: { cookie, range: `bytes=${start}-${start + RANGE - 1}` } });
      const bytes = Buffer.from(await response.arrayBuffer());
      if (response.status !== 206 || !bytes.equals(video.slice(start, start + RANGE - 1))) throw new Error('The range read was wrong.');
    });
    rangeTimes.push(read.ms);
    rangeRss = Math.max(rangeRss, read.rssMb);
  }

  // Baseline 1: the same bytes through AES-256-GCM into a file, nothing else.
  const scratch = await fs.mkdtemp(path.join(app.config.dataDir, 'bench-'));
  const floor = await measured(async () => {
    const cipher = createCipheriv('aes-256-gcm', randomBytes(32), randomBytes(12));
    await pipeline(Readable.from(video.pieces()), cipher, createWriteStream(path.join(scratch, 'floor.sealed')));
  });

  // Baseline 2: a range served as before: the whole file sealed at once, opened whole, then sliced.
  const { sealer, blobs } = app.context;
  const id = randomUUID();
  const whole = await blobs.put(
    await sealer.sealBytes(client.id, Buffer.concat([...video.pieces()]), { table: 'messages', row: id, field: 'media' }),
    'application/octet-stream',
  );
  const wholeTimes: number[] = [];
  let wholeRss = 0;
  for (let i = 0; i < 3; i += 1) {
    const read = await measured(async () => {
      const blob = await blobs.get(whole);
      const bytes = await sealer.openBytes(client.id, blob!.bytes, { table: 'messages', row: id, field: 'media' });
      if (!bytes.subarray(start, start + RANGE).equals(video.slice(start, start + RANGE - 1)))
        throw new Error('The baseline read was wrong.');
    });
    wholeTimes.push(read.ms);
    wholeRss = Math.max(wholeRss, read.rssMb);
  }

  console.log('\n# figures (name value unit)');
  line('upload_bytes', video.bytes / MB, 'MB');
  line('upload_peak_rss_growth', upload.rssMb, 'MB');
  line('upload_time', upload.ms, 'ms');
  line('upload_max_event_loop_stall', upload.stallMs, 'ms');
  line('baseline_encrypt_to_file_peak_rss_growth', floor.rssMb, 'MB');
  line('baseline_encrypt_to_file_time', floor.ms, 'ms');
  line('baseline_encrypt_to_file_max_event_loop_stall', floor.stallMs, 'ms');
  line('range_64k_p50', percentile(rangeTimes, 0.5), 'ms');
  line('range_64k_max', Math.max(...rangeTimes), 'ms');
  line('range_64k_peak_rss_growth', rangeRss, 'MB');
  line('baseline_whole_file_range_64k_p50', percentile(wholeTimes, 0.5), 'ms');
  line('baseline_whole_file_range_64k_peak_rss_growth', wholeRss, 'MB');
} finally {
  await app.close();
}
