import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress, trustProxies, type Trust } from '../../api/core/index.ts';
import { testApp } from '../helpers/app.ts';

const from = (address: string) => ({ incoming: { socket: { remoteAddress: address, remoteFamily: address.includes(':') ? 'IPv6' : 'IPv4', remotePort: 40000 } } });
const whoAmI = (trust: Trust) => new Hono().get('/', (c) => c.text(clientAddress(c, trust)));
const ask = async (app: Hono, peer: string, forwarded?: string) =>
  (await app.request('/', { headers: forwarded ? { 'X-Forwarded-For': forwarded } : {} }, from(peer))).text();

describe('the client’s address', () => {
  it('is the socket’s peer when no proxy is trusted, whatever X-Forwarded-For says', async () => {
    const app = whoAmI(trustProxies([]));
    expect(await ask(app, '198.51.100.20', '203.0.113.7')).toBe('198.51.100.20');
  });

  it('believes X-Forwarded-For only from a trusted proxy, and takes the nearest address it does not trust', async () => {
    const app = whoAmI(trustProxies(['loopback', '10.0.0.0/8']));
    expect(await ask(app, '127.0.0.1', '203.0.113.7')).toBe('203.0.113.7');
    // A client that writes its own header cannot choose its address: the proxies append the real one.
    expect(await ask(app, '10.1.2.3', '6.6.6.6, 203.0.113.7, 10.9.9.9')).toBe('203.0.113.7');
    expect(await ask(app, '198.51.100.20', '203.0.113.7')).toBe('198.51.100.20');
  });

  it('is "local" without a socket (a test calling the app directly)', async () => {
    expect(await (await whoAmI(() => true).request('/')).text()).toBe('local');
  });
});

describe('the question limit behind a reverse proxy', () => {
  it('gives each resident their own 20 a minute, not one bucket for the whole district', async () => {
    const { app } = await testApp({ TRUST_PROXY: 'loopback' });
    const question = (client: string) =>
      app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json', 'X-Forwarded-For': client }, body: JSON.stringify({ question: '你好' }) }, from('127.0.0.1'));
    for (let i = 0; i < 20; i++) expect((await question('203.0.113.1')).status).toBe(200);
    expect((await question('203.0.113.1')).status).toBe(429);
    expect((await question('203.0.113.2')).status).toBe(200);
  });
});
