// Personal data sealed at rest (PIPL): AES-256-GCM from node:crypto, a fresh 12-byte nonce per
// value, the authentication tag kept with it. The key is `DATA_KEY` (32 bytes, base64 or hex), or
// a key file created once under DATA_DIR with mode 0600. Several processes on PostgreSQL need the
// same key: set DATA_KEY on each (a key file is one machine's).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const KEY_FILE = 'data.key';
const VERSION = 'v1';

/** Reads a key written as base64 or hex; anything else is refused with what was expected. */
function parseKey(text: string, where: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error(`${where}: expected a 32-byte key, written as 64 hex digits or 44 base64 characters (make one with: openssl rand -base64 32)`);
  return key;
}

export class Sealer {
  private constructor(private readonly key: Buffer, readonly source: 'DATA_KEY' | 'key file') {}

  /** The key from DATA_KEY, else DATA_DIR's key file, created (mode 0600) at first start. */
  static open(config: { DATA_KEY?: string; DATA_DIR: string }): Sealer {
    if (config.DATA_KEY) return new Sealer(parseKey(config.DATA_KEY, 'DATA_KEY'), 'DATA_KEY');
    const file = join(config.DATA_DIR, KEY_FILE);
    if (!existsSync(file)) {
      mkdirSync(config.DATA_DIR, { recursive: true });
      writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    }
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return new Sealer(parseKey(readFileSync(file, 'utf8'), file), 'key file');
  }

  /** `v1.<nonce>.<tag>.<ciphertext>`, base64url. */
  seal(plain: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, nonce, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  /** The plain text; throws when the value was altered or sealed with another key. */
  open(sealed: string): string {
    const [version, nonce, tag, body] = sealed.split('.');
    if (version !== VERSION || !nonce || !tag || body === undefined) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
