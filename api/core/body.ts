// A request's body read off the Node socket with a ceiling counted as the bytes arrive, so a
// missing or false Content-Length does not get past it. The API's limit and the page forms' both
// read through here.
import { IncomingMessage } from 'node:http';

/** A Node request whose body nothing has read yet (a test may hand a bare object instead). */
export function unreadRequest(incoming: unknown): incoming is IncomingMessage {
  return incoming instanceof IncomingMessage && !incoming.readableDidRead && !incoming.readableEnded;
}

/**
 * The whole body, or why not: `too_large` past `bytes` (declared or counted), `cut_off` when the
 * sender went away before its end (a phone losing signal).
 */
export async function readBody(incoming: IncomingMessage, bytes: number): Promise<Buffer | 'too_large' | 'cut_off'> {
  if (Number(incoming.headers['content-length'] ?? 0) > bytes) return 'too_large';
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of incoming as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > bytes) return 'too_large';
      chunks.push(chunk);
    }
  } catch {
    return 'cut_off';
  }
  return Buffer.concat(chunks, size);
}
