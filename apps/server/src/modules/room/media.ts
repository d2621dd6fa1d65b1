// What an upload really is, read from its first bytes: the declared content-type is a claim,
// the magic number is the evidence. A "video" that is not a video is refused.
import { MAX_UPLOAD_BYTES } from '@haven/contract';
import { Transform } from 'node:stream';
import { AppError } from '../../platform/http/errors.ts';

type Kind = 'voice' | 'video' | 'file';

const starts = (bytes: Buffer, signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (bytes: Buffer, text: string, at = 0) => bytes.subarray(at, at + text.length).toString('latin1') === text;

/** The container the bytes are in, or null when they are none we accept. */
export function sniff(bytes: Buffer): 'webm' | 'ogg' | 'mp4' | 'wav' | 'mp3' | 'jpeg' | 'png' | 'webp' | 'pdf' | null {
  if (starts(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm';
  if (ascii(bytes, 'OggS')) return 'ogg';
  if (ascii(bytes, 'ftyp', 4)) return 'mp4';
  if (ascii(bytes, 'RIFF') && ascii(bytes, 'WAVE', 8)) return 'wav';
  if (ascii(bytes, 'RIFF') && ascii(bytes, 'WEBP', 8)) return 'webp';
  if (ascii(bytes, 'ID3') || starts(bytes, [0xff, 0xfb]) || starts(bytes, [0xff, 0xf3])) return 'mp3';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(bytes, '%PDF-')) return 'pdf';
  return null;
}

const ACCEPTED: Record<Kind, Partial<Record<NonNullable<ReturnType<typeof sniff>>, (declared: string) => string>>> = {
  voice: {
    webm: () => 'audio/webm',
    ogg: () => 'audio/ogg',
    mp4: () => 'audio/mp4',
    wav: () => 'audio/wav',
    mp3: () => 'audio/mpeg',
  },
  video: { webm: () => 'video/webm', mp4: () => 'video/mp4' },
  file: { jpeg: () => 'image/jpeg', png: () => 'image/png', webp: () => 'image/webp', pdf: () => 'application/pdf' },
};

const KIND_WORDS: Record<Kind, string> = {
  voice: 'a voice recording (WebM, Ogg, MP4, WAV or MP3)',
  video: 'a video recording (WebM or MP4)',
  file: 'an image (JPEG, PNG, WebP) or a PDF',
};

/** Enough of a file's first bytes to tell what it is (the longest signature `sniff` reads). */
const HEAD_BYTES = 16;

/** The content type to store for an upload of `kind` whose first bytes are `head`, or a 4xx saying what was expected. */
export function acceptHead(kind: Kind, declared: string, head: Buffer): string {
  const found = sniff(head);
  const contentType = found ? ACCEPTED[kind][found]?.(declared) : undefined;
  if (!contentType) throw new AppError('invalid_media', `That is not ${KIND_WORDS[kind]}.`);
  return contentType;
}

const tooLarge = (kind: Kind) =>
  new AppError('payload_too_large', `That is larger than ${Math.round(MAX_UPLOAD_BYTES[kind] / 2 ** 20)} MB, the most we accept for this.`);

/**
 * Checks an upload as it streams through: its first bytes must be what `kind` accepts, it may not
 * be empty or larger than the kind allows, nor (`allowance`) than the room has space left for.
 * Bytes pass on unchanged; `contentType` and `size` are known once the stream has ended.
 */
export function inspectUpload(kind: Kind, declared: string, allowance: { bytes: number; exceeded: () => AppError }) {
  if (kind === 'video' && declared.split('/')[0] !== 'video')
    throw new AppError('invalid_media', `A video message must be ${KIND_WORDS.video}.`);
  const result = { contentType: '', size: 0 };
  let head: Buffer[] | null = [];
  const release = (stream: Transform) => {
    const bytes = Buffer.concat(head!);
    head = null;
    if (bytes.length === 0) throw new AppError('validation_failed', 'The upload is empty.');
    result.contentType = acceptHead(kind, declared, bytes);
    stream.push(bytes);
  };
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      result.size += chunk.length;
      if (result.size > MAX_UPLOAD_BYTES[kind]) return done(tooLarge(kind));
      if (result.size > allowance.bytes) return done(allowance.exceeded());
      if (!head) return done(null, chunk);
      head.push(chunk);
      try {
        if (result.size >= HEAD_BYTES) release(this);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        if (head) release(this);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
  return { stream, result };
}

/** How a stored file is offered: recordings and images shown in place, anything else (PDFs) only downloaded. */
export function contentDisposition(kind: Kind, contentType: string, filename: string | null): string {
  const inline = kind !== 'file' || contentType.startsWith('image/');
  const type = inline ? 'inline' : 'attachment';
  if (!filename) return type;
  // A quoted ASCII fallback for old clients, and the exact name as RFC 8187 UTF-8.
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const exact = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

/** Room space in people's units: "2 GB", "350 MB". */
export function spaceWords(bytes: number): string {
  if (bytes === 0) return '0 MB';
  if (bytes >= 2 ** 30) return `${Number((bytes / 2 ** 30).toFixed(1))} GB`;
  return `${Math.max(1, Math.round(bytes / 2 ** 20))} MB`;
}

/** Parses `Range: bytes=a-b` for a body of `size` bytes; null means send it all. */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/** Refused as a person can act on it: how much of the room's space is used, and what to do instead. */
export function overQuota(quota: number, used: number): AppError {
  return new AppError(
    'payload_too_large',
    `This room has used ${spaceWords(used)} of its ${spaceWords(quota)} of space for recordings and files, and this upload would go over it. ` +
      'Send a shorter recording or a smaller file, or write it as a message instead.',
  );
}
