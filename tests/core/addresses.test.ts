import { describe, expect, it } from 'vitest';
import { printedOrigin } from '../../api/core/index.ts';

describe('the address a printed poster carries', () => {
  it('is PUBLIC_ORIGIN when set, else the address the page was asked for', () => {
    expect(printedOrigin('https://mz.example.gov.cn', 'localhost:4321', '0.0.0.0')).toEqual({ origin: 'https://mz.example.gov.cn' });
    expect(printedOrigin(undefined, '192.168.1.20:4321', '0.0.0.0')).toEqual({ origin: 'http://192.168.1.20:4321' });
    expect(printedOrigin(undefined, 'localhost:4321', '127.0.0.1')).toEqual({ origin: 'http://localhost:4321' });
  });

  it('refuses a loopback address on a server that listens on a network, naming the variable to set', () => {
    expect(printedOrigin(undefined, 'localhost:4321', '0.0.0.0')).toEqual({ missing: 'PUBLIC_ORIGIN' });
    expect(printedOrigin(undefined, '127.0.0.1:8080', '10.0.0.5')).toEqual({ missing: 'PUBLIC_ORIGIN' });
  });
});
