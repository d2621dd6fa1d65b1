import sharp from 'sharp';
import { AppError } from '../../platform/http/errors.ts';

export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const SIDE = 512;

/**
 * Decodes the upload (whatever its declared type, the bytes must be an image), turns it
 * upright, crops it square and re-encodes it as WebP. Re-encoding drops every metadata
 * block, including the GPS position phones write into photos.
 */
export async function toWebpPortrait(upload: Buffer): Promise<Buffer> {
  try {
    const image = sharp(upload, { limitInputPixels: 50_000_000, failOn: 'error' });
    const { format } = await image.metadata();
    if (!format || !['jpeg', 'png', 'webp'].includes(format)) throw new Error(`unsupported ${format}`);
    return await image.rotate().resize(SIDE, SIDE, { fit: 'cover', position: 'attention' }).webp({ quality: 82 }).toBuffer();
  } catch {
    throw new AppError('invalid_image');
  }
}
