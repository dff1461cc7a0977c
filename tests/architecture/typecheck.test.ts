import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('TypeScript', () => {
  it('type-checks the whole project in strict mode', () => {
    const result = spawnSync('node_modules/.bin/tsc', ['--noEmit', '-p', '.'], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);
});
