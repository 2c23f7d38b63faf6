import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LIMITS } from '@yishi/contracts';
import type { FastifyReply } from 'fastify';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { StoredFile } from './entities/stored-file.entity';
import { FileStorage } from './file-storage';

export interface Upload {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export type FileKind = 'image' | 'document';

type Mime = StoredFile['mime'];

/** The type a file really is, from its first bytes (never from its name or the browser's claim). */
export function sniffMime(bytes: Buffer): Mime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 5 && bytes.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

const ALLOWED: Record<FileKind, readonly Mime[]> = {
  image: ['image/jpeg', 'image/png', 'image/webp'],
  document: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
};

/** Saves uploads (photos, PDFs) through the FileStorage and serves them back safely. */
@Injectable()
export class StoredFilesService {
  constructor(private readonly storage: FileStorage) {}

  /** Checks and stores one upload; its row is written with the caller's transaction. */
  async save(m: EntityManager, actor: Actor, upload: Upload, kind: FileKind): Promise<StoredFile> {
    if (upload.size > LIMITS.fileBytes) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `A file may have at most ${LIMITS.fileBytes / 1024 / 1024} MB.`, { maxBytes: LIMITS.fileBytes });
    }
    const mime = sniffMime(upload.buffer);
    if (!mime || !ALLOWED[kind].includes(mime)) {
      throw new DomainError(
        'UNSUPPORTED_MEDIA_TYPE',
        kind === 'image' ? 'Only photos in JPEG, PNG or WebP can be attached here.' : 'Only PDF files and photos (JPEG, PNG, WebP) can be attached.',
        { allowed: ALLOWED[kind] },
      );
    }
    const now = new Date();
    const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
    await this.storage.put(key, upload.buffer);
    return m.getRepository(StoredFile).save({
      mime,
      sizeBytes: upload.size,
      sha256: createHash('sha256').update(upload.buffer).digest('hex'),
      originalName: sanitiseName(upload.originalname),
      storageKey: key,
      createdBy: actor.id,
    });
  }

  /** Sends the bytes with their sniffed type; PDFs and images open inline, nothing is ever sniffed as HTML. */
  async send(res: FastifyReply, file: StoredFile): Promise<void> {
    const bytes = await this.storage.get(file.storageKey);
    res.header('Content-Type', file.mime);
    res.header('Content-Length', String(bytes.length));
    res.header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.originalName)}`);
    res.header('Cache-Control', 'private, max-age=3600');
    res.header('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
    void res.send(bytes);
  }
}

/**
 * A display name: no path, no control characters, at most 120 characters. (Upload interceptors
 * use busboy's `defParamCharset: 'utf8'`, so Chinese names arrive intact.)
 */
function sanitiseName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean || 'file').slice(0, 120);
}

/** Options for Nest's FileInterceptor (@nestjs/platform-fastify, multer's semantics) on every upload route. */
export function uploadLimits(files: number): { limits: { fileSize: number; files: number; fields: number; parts: number }; defParamCharset: string } {
  return { limits: { fileSize: LIMITS.fileBytes, files, fields: 10, parts: files + 10 }, defParamCharset: 'utf8' };
}
