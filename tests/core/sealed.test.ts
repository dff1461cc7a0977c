// Sealing residents' contact details: AES-256-GCM, a key from DATA_KEY or a 0600 key file.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE, Sealer } from '../../api/core/index.ts';

describe('the sealer', () => {
  it('seals to a different value each time, opens its own, and refuses an altered value or another key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seal-'));
    const sealer = Sealer.open({ DATA_DIR: dir });
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    const a = sealer.seal('13987654321');
    expect(a).not.toContain('13987654321');
    expect(sealer.seal('13987654321')).not.toBe(a);
    expect(sealer.open(a)).toBe('13987654321');
    expect(Sealer.open({ DATA_DIR: dir }).open(a)).toBe('13987654321'); // the key file is read again, not replaced
    const parts = a.split('.');
    parts[3] = `${parts[3]!.slice(0, -2)}AA`;
    expect(() => sealer.open(parts.join('.'))).toThrow();
    const other = Sealer.open({ DATA_DIR: dir, DATA_KEY: Buffer.alloc(32, 7).toString('base64') });
    expect(other.source).toBe('DATA_KEY');
    expect(() => other.open(a)).toThrow();
  });

  it('names what a bad DATA_KEY should be', () => {
    expect(() => Sealer.open({ DATA_DIR: '/nonexistent', DATA_KEY: 'short' })).toThrow(/32-byte key/);
  });
});
