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
 * sender went away before its end (a phone losing signal). Past the limit the rest is let through
 * unread, not cut: the socket stays whole, so the sender gets its 413 rather than a reset
 * connection (Node's request timeout bounds a sender that never stops).
 */
export function readBody(incoming: IncomingMessage, bytes: number): Promise<Buffer | 'too_large' | 'cut_off'> {
  if (Number(incoming.headers['content-length'] ?? 0) > bytes) return Promise.resolve('too_large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (result: Buffer | 'too_large' | 'cut_off') => {
      incoming.off('data', onData).off('end', onEnd).off('error', onCut).off('close', onCut);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= bytes) return void chunks.push(chunk);
      settle('too_large');
      incoming.resume();
    };
    const onEnd = () => settle(Buffer.concat(chunks, size));
    const onCut = () => settle('cut_off');
    incoming.on('data', onData).on('end', onEnd).on('error', onCut).on('close', onCut);
  });
}
