import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../api/app.ts';
import { loadConfig } from '../../api/core/index.ts';
import { createServices } from '../../api/server/services.ts';
import { checkContract } from './contract.ts';

/**
 * The API as the server builds it (the same composition root), over the shipped content, with a
 * throw-away data folder. Every JSON answer is checked against the OpenAPI document's schema for
 * its route and status: a mismatch fails the test that made the request.
 */
export async function testApp(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'api-data-'));
  const services = await createServices(loadConfig({ DATA_DIR: dataDir, ...env }));
  const app = createApp(services);
  const checked = checkContract(app);
  return { ...services, app: checked, dataDir };
}
