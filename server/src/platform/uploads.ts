import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { App } from './http.ts';

/**
 * Routes that take a file, registered in their own plugin scope: the multipart parser exists only
 * there, so every JSON route keeps answering a multipart body with its usual problem.
 */
export function withMultipart(app: App, maxBytes: number, register: (scope: App) => void): void {
  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: maxBytes, files: 1 } });
    register(scope as unknown as App);
  });
}

/** The request's one file in field `file`, or null (the caller answers with its own problem). */
export async function oneFile(req: FastifyRequest, maxBytes: number): Promise<MultipartFile | null> {
  if (!req.isMultipart()) return null;
  const file = await req.file({ limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12 } });
  return file && file.fieldname === 'file' ? file : null;
}

/** The whole file, or null when it is larger than the route allows. */
export async function fileBytes(file: MultipartFile): Promise<Buffer | null> {
  try {
    return await file.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return null;
    throw err;
  }
}
