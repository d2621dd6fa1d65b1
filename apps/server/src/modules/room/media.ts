// What an upload really is, read from its first bytes: the declared content-type is a claim,
// the magic number is the evidence. A "video" that is not a video is refused.
import { MAX_UPLOAD_BYTES } from '@haven/contract';
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

/** The content type to store for an upload of `kind`, or a 4xx saying what was expected. */
export function acceptUpload(kind: Kind, declared: string, bytes: Buffer): string {
  if (bytes.length === 0) throw new AppError('validation_failed', 'The upload is empty.');
  if (bytes.length > MAX_UPLOAD_BYTES[kind]) {
    throw new AppError(
      'payload_too_large',
      `That is larger than ${Math.round(MAX_UPLOAD_BYTES[kind] / 2 ** 20)} MB, the most we accept for this.`,
    );
  }
  const major = declared.split('/')[0];
  if (kind === 'video' && major !== 'video') throw new AppError('invalid_media', `A video message must be ${KIND_WORDS.video}.`);
  const found = sniff(bytes);
  const contentType = found ? ACCEPTED[kind][found]?.(declared) : undefined;
  if (!contentType) throw new AppError('invalid_media', `That is not ${KIND_WORDS[kind]}.`);
  return contentType;
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
