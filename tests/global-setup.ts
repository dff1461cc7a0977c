import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from '../scripts/build.ts';
import { isBuildCurrent, ROOT } from '../scripts/paths.ts';
import { chromePath } from './helpers/browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts the portal exactly as `npm start` does, in its own process, and waits until it listens. */
function startPortal(port: number, dataDir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`portal did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Portal ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`portal exited with ${code}:\n${output}`)));
  });
}

export default async function setup(project: TestProject) {
  chromePath(); // fail the whole run at once, with the install command, when there is no browser
  if (!isBuildCurrent()) build();
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-data-'));
  const port = await freePort();
  const portal = await startPortal(port, dataDir);
  project.provide('baseURL', `http://127.0.0.1:${port}`);
  return () => {
    portal.removeAllListeners('exit');
    portal.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
}
