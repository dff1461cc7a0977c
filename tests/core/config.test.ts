import { describe, expect, it } from 'vitest';
import { botMode } from '../../api/ask/index.ts';
import { ConfigError, loadConfig } from '../../api/core/config.ts';

describe('configuration', () => {
  it('starts with working defaults and no settings at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 4321, HOST: '127.0.0.1', DATA_DIR: 'data' });
    expect(config.MEILI_HOST).toBeUndefined();
    expect(botMode(config)).toBe('extractive');
  });

  it('stops with a message naming each bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: '70000', MEILI_HOST: 'not a url' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT: /);
      expect(message).toMatch(/MEILI_HOST: expected a full URL/);
    }
  });

  it('treats empty optional values as unset and switches the bot to generative with an endpoint', () => {
    expect(loadConfig({ MEILI_HOST: '', OPENAI_API_KEY: '' }).MEILI_HOST).toBeUndefined();
    expect(botMode(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1' }))).toBe('generative');
  });

  it('reads the trusted proxies as a list, and refuses one that is not an address', () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => loadConfig({ TRUST_PROXY: 'my-proxy' })).toThrow(/TRUST_PROXY: expected addresses or CIDR ranges/);
  });
});
