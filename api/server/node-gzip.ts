import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';

const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

/**
 * Gzips what Astro's on-demand pages write straight to the Node response (they bypass Hono's
 * compress middleware): readers on weak networks get every page compressed. Only when the client
 * accepts gzip and the type is text.
 */
export function gzipResponse(res: ServerResponse, acceptEncoding: string | undefined): void {
  if (!/\bgzip\b/.test(acceptEncoding ?? '')) return;
  const writeHead = res.writeHead.bind(res) as (status: number, headers?: OutgoingHttpHeaders) => ServerResponse;
  const write = res.write.bind(res) as (chunk: unknown) => boolean;
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  let gzip: ReturnType<typeof createGzip> | undefined;

  res.writeHead = ((status: number, headers?: OutgoingHttpHeaders | string) => {
    if (headers && typeof headers === 'object' && !Array.isArray(headers)) {
      const type = String(headers['content-type'] ?? res.getHeader('content-type') ?? '');
      if (COMPRESSIBLE.test(type) && !headers['content-encoding'] && status !== 204 && status !== 304) {
        delete headers['content-length'];
        headers['content-encoding'] = 'gzip';
        headers.vary = headers.vary ? `${String(headers.vary)}, Accept-Encoding` : 'Accept-Encoding';
        gzip = createGzip();
        gzip.on('data', (chunk: Buffer) => write(chunk));
        gzip.on('end', () => end());
      }
      return writeHead(status, headers);
    }
    return writeHead(status);
  }) as ServerResponse['writeHead'];
  res.write = ((chunk: unknown) => (gzip ? gzip.write(chunk as Buffer) : write(chunk))) as ServerResponse['write'];
  res.end = ((chunk?: unknown) => {
    if (!gzip) return end(chunk);
    if (chunk !== undefined && typeof chunk !== 'function') gzip.write(chunk as Buffer);
    gzip.end();
    return res;
  }) as ServerResponse['end'];
}
