import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { NODE_FLAGS, ROOT, serverEntry } from '../../api/server/paths.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the portal exactly as `npm start` does (the compiled server, plain Node), in its own
 * process, and waits until it listens. The global setup has built it when the sources changed.
 * Everything it prints goes to `output.log` in its data folder, so tests can check what the logs hold.
 */
/** The file, in the data folder, that holds what the portal printed. */
export const PORTAL_OUTPUT = 'output.log';

export function startPortal(port: number, dataDir: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, serverEntry()], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let ready = false;
    const timer = setTimeout(() => reject(new Error(`portal did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      try {
        appendFileSync(join(dataDir, PORTAL_OUTPUT), chunk);
      } catch {
        // The test removed the data folder while the portal was still saying goodbye.
      }
      if (ready) return;
      output += chunk.toString();
      if (output.includes('Portal ready')) {
        ready = true;
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`portal exited with ${code}:\n${output}`)));
  });
}

