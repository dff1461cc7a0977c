// The process `npm start` runs in production: compiled JavaScript under plain Node (no tsx, no
// esbuild service beside it), with the security headers on every answer.
import { createHash } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagePolicy } from '../../api/core/index.ts';
import { NODE_FLAGS, ROOT, serverEntry } from '../../api/server/paths.ts';
import { freePort, PORTAL_OUTPUT, startPortal } from '../helpers/portal.ts';

let portal: Awaited<ReturnType<typeof startPortal>>;
let base: string;
let port: number;
let dataDir: string;
beforeAll(async () => {
  port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), 'production-'));
  portal = await startPortal(port, dataDir);
  base = `http://127.0.0.1:${port}`;
}, 60_000);
afterAll(() => void portal?.kill('SIGTERM'));

describe('the production process', () => {
  it('is the compiled server run by Node itself, with nothing compiling beside it', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(`node ${NODE_FLAGS.join(' ')} dist/api/start.mjs`);
    expect(pkg.scripts.prestart).toContain('--if-stale');
    const bundle = readFileSync(serverEntry(), 'utf8');
    expect(bundle).not.toMatch(/from ["'](tsx|esbuild)["']|require\(["'](tsx|esbuild)["']\)/);
    const cmdline = readFileSync(`/proc/${portal.pid}/cmdline`, 'utf8').split('\0');
    expect(cmdline).not.toContain('tsx');
    expect(cmdline.some((a) => a.endsWith('start.mjs'))).toBe(true);
    // No child process (esbuild's service would be one).
    const children = readdirSync(`/proc/${portal.pid}/task`).flatMap((task) => readFileSync(`/proc/${portal.pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
    expect(children).toEqual([]);
  });

  it('sends the security headers: a page its policy with the hash of each inline script, the API one that runs nothing', async () => {
    const page = await fetch(`${base}/zh/policies/dibao/`);
    const html = await page.text();
    const policy = page.headers.get('content-security-policy')!;
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).not.toContain('unsafe-inline');
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline.length).toBeGreaterThan(0);
    for (const script of inline) expect(policy).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    for (const path of ['/zh/services/', '/zh/letters/write/']) expect((await fetch(`${base}${path}`)).headers.get('content-security-policy'), path).toMatch(/script-src 'self' 'sha256-/);
    const api = await fetch(`${base}/api/health`);
    expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('compresses what a client can take, and sends plain what one that asks for no encoding reads', async () => {
    const get = (path: string, headers: Record<string, string>) =>
      new Promise<{ headers: IncomingHttpHeaders; bytes: number }>((resolve, reject) => {
        request(`${base}${path}`, { headers }, (res) => {
          let bytes = 0;
          res.on('data', (chunk: Buffer) => (bytes += chunk.length)).on('end', () => resolve({ headers: res.headers, bytes })).on('error', reject);
        }).on('error', reject).end();
      });
    for (const path of ['/zh/policies/dibao/', '/api/eligibility/questions?lang=zh']) {
      const zipped = await get(path, { 'accept-encoding': 'gzip' });
      const plain = await get(path, {});
      expect(zipped.headers['content-encoding'], path).toBe('gzip');
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(zipped.bytes, path).toBeLessThan(plain.bytes / 2);
      for (const { headers } of [zipped, plain]) expect(headers.vary, path).toMatch(/Accept-Encoding/);
    }
  });

  it('reads a body off the socket within its limit: over it, declared or streamed, 413; not JSON, 400; split characters kept', async () => {
    const check = `${base}/api/eligibility/check?lang=zh`;
    const headers = { 'content-type': 'application/json' };
    const household = { residence: 'rural', members: [{ age: 72 }], monthlyIncome: 600, supporter: 'none' };
    const ok = await fetch(check, { method: 'POST', headers, body: JSON.stringify(household) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(((await ok.json()) as { programs: unknown[] }).programs.length).toBeGreaterThan(0);
    const tooLarge = { error: { code: 'payload_too_large', message: expect.any(String), fields: { body: expect.any(String) } } };
    const declared = await fetch(check, { method: 'POST', headers, body: JSON.stringify({ ...household, note: 'x'.repeat(40 * 1024) }) });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual(tooLarge);
    // No Content-Length: the body is counted as it arrives.
    const chunks = (parts: Uint8Array[]) => new ReadableStream<Uint8Array>({ start: (c) => (parts.forEach((p) => c.enqueue(p)), c.close()) });
    const streamed = await fetch(check, { method: 'POST', headers, body: chunks(Array.from({ length: 6 }, () => new Uint8Array(8 * 1024).fill(32))), duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toEqual(tooLarge);
    const broken = await fetch(check, { method: 'POST', headers, body: '{"residence": "rural",' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    // A question whose characters arrive cut in two between chunks reads as it was written.
    const question = new TextEncoder().encode(JSON.stringify({ question: '低保怎么申请？', lang: 'zh' }));
    const asked = await fetch(`${base}/api/ask`, { method: 'POST', headers, body: chunks([question.slice(0, 15), question.slice(15, 17), question.slice(17)]), duplex: 'half' } as RequestInit);
    expect(asked.status).toBe(200);
    expect(JSON.stringify(await asked.json())).toContain('低保');
    // A form posted to a page is read the same way: sent in chunks without a length, it is taken;
    // over its limit, refused before the page is rendered.
    const form = { 'content-type': 'application/x-www-form-urlencoded', origin: base, 'sec-fetch-site': 'same-origin' };
    const typed = new TextEncoder().encode(new URLSearchParams({ kind: 'question', town: 'bahuang', text: '分几次传过来的信，字也不能少。' }).toString());
    const letter = await fetch(`${base}/zh/letters/write/`, { method: 'POST', headers: form, body: chunks([typed.slice(0, 20), typed.slice(20)]), duplex: 'half' } as RequestInit);
    expect(letter.status).toBe(200);
    expect(await letter.text()).toMatch(/\d{8}-[A-Z0-9]{5}/);
    const long = await fetch(`${base}/zh/letters/write/`, { method: 'POST', headers: form, body: chunks(Array.from({ length: 10 }, () => new Uint8Array(8 * 1024).fill(97))), duplex: 'half' } as RequestInit);
    expect(long.status).toBe(413);
  });

  it('lets a sender go mid-body: no 5xx in its log, and the next request answered', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('POST /api/letters HTTP/1.1\r\nHost: portal\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"kind":"question","text":"我想问');
        setTimeout(() => (socket.destroy(), resolve()), 100);
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    const log = readFileSync(join(dataDir, PORTAL_OUTPUT), 'utf8');
    expect(log).toMatch(/POST \/api\/letters 400 /);
    expect(log).not.toMatch(/ 5\d\d \d/);
  });

  it('survives malformed HTTP on the socket: never a 5xx, never a crash, the next request answered', async () => {
    const raw = (bytes: string | Buffer) =>
      new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
        let got = '';
        let quiet: NodeJS.Timeout | undefined;
        const done = () => (clearTimeout(quiet), clearTimeout(limit), socket.destroy(), resolve(got));
        // An answer has come once nothing more arrives for a moment (the connection may stay open).
        socket.on('data', (chunk) => ((got += chunk.toString('latin1')), clearTimeout(quiet), (quiet = setTimeout(done, 150))));
        socket.on('end', done);
        socket.on('error', done);
        const limit = setTimeout(done, 1500);
      });
    const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;
    const cases: (string | Buffer)[] = [
      Buffer.from([0, 1, 2, 255, 13, 10, 13, 10]),
      head(['GE T / HTTP/1.1', 'Host: portal']),
      head(['GET / HTTP/9.9', 'Host: portal']),
      head(['GET /zh/ HTTP/1.1', 'Host: portal', 'X-Odd\x7f: yes']),
      head(['GET /zh/ HTTP/1.1', 'Host: portal', `X-Huge: ${'a'.repeat(20_000)}`]),
      head(['GET http://elsewhere.example/zh/ HTTP/1.1', 'Host: portal']),
      head([`GET /zh/${'x'.repeat(8_000)} HTTP/1.1`, 'Host: portal']),
      head(['GET /zh/%00/../../etc/passwd HTTP/1.1', 'Host: portal']),
      Buffer.concat([Buffer.from('GET /zh/'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' HTTP/1.1\r\nHost: portal\r\n\r\n')]),
      head(['GET /api/search?q=%E4%BD HTTP/1.1', 'Host: portal']),
      head(['POST /api/ask HTTP/1.1', 'Host: portal', 'Content-Type: application/json', 'Content-Length: -1']) + '{}',
      head(['POST /api/ask HTTP/1.1', 'Host: portal', 'Content-Type: application/json', 'Content-Length: abc']) + '{}',
      head(['POST /api/ask HTTP/1.1', 'Host: portal', 'Content-Length: 2', 'Content-Length: 9']) + '{}',
      head(['POST /api/ask HTTP/1.1', 'Host: portal', 'Content-Length: 2', 'Transfer-Encoding: chunked']) + '0\r\n\r\n',
      head(['POST /api/ask HTTP/1.1', 'Host: portal', 'Content-Type: application/json', 'Transfer-Encoding: chunked']) + 'zz\r\n{}\r\n0\r\n\r\n',
      head(['POST /zh/letters/write/ HTTP/1.1', 'Host: portal', 'Content-Type: application/x-www-form-urlencoded', 'Transfer-Encoding: chunked']) + '5\r\ntext=\r\n',
      head(['POST /api/letters HTTP/1.1', 'Host: portal', 'Content-Type: application/json', 'Expect: 100-continue', 'Content-Length: 5']),
      head(['HEAD /api/health HTTP/1.1', 'Host: portal']) + head(['GET /api/health HTTP/1.1', 'Host: portal']),
      head(['GET /zh/ HTTP/1.1']),
      head(['DELETE /zh/ HTTP/1.1', 'Host: portal']),
      'GET /zh/ HTTP/1.1\r\nHost: por',
    ];
    const statuses: number[] = [];
    for (const bytes of cases) {
      const answer = await raw(bytes);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      expect(status, `${String(bytes).slice(0, 60)} → ${answer.slice(0, 60)}`).toBeLessThan(500);
      statuses.push(status);
    }
    console.log(`raw socket: ${statuses.join(' ')}`);
    // A page is read or its form sent, nothing else.
    expect(statuses[cases.indexOf(head(['DELETE /zh/ HTTP/1.1', 'Host: portal']))]).toBe(405);
    // Most are answered (400, 404, 413, 431 …); only a request cut off before its end gets nothing.
    expect(statuses.filter((s) => s >= 400).length).toBeGreaterThanOrEqual(cases.length - 6);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    const log = readFileSync(join(dataDir, PORTAL_OUTPUT), 'utf8');
    expect(log).not.toMatch(/ 5\d\d \d|unexpected error/);
  });

  it('hashes exactly the inline scripts and styles of a page, not its data blocks or loaded scripts', () => {
    const policy = pagePolicy('<script>a()</script><script type="application/ld+json">{"x":1}</script><script src="/x.js"></script><style>b{}</style>');
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(policy).toContain(`script-src 'self' ${hash('a()')};`);
    expect(policy).toContain(`style-src 'self' ${hash('b{}')};`);
    expect(policy).not.toContain(hash('{"x":1}'));
  });
});
