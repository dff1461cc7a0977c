import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../api/app.ts';
import { Bot } from '../../api/ask/bot.ts';
import { openDb } from '../../api/events/db.ts';
import { Staff } from '../../api/events/staff.ts';
import { loadConfig } from '../../api/config.ts';
import { ZeroResults } from '../../api/search/zero-results.ts';
import { loadContent } from '../../content/loader.ts';
import { createSearch } from '../../search/index.ts';

/** The API as the server builds it, over the shipped content, with a throw-away data folder. */
export async function testApp() {
  const dataDir = mkdtempSync(join(tmpdir(), 'api-data-'));
  const config = loadConfig({ DATA_DIR: dataDir });
  const content = loadContent();
  const search = await createSearch(config, content);
  const zeroResults = new ZeroResults(dataDir);
  const bot = await Bot.create(content, config);
  const db = openDb(dataDir);
  const staff = new Staff(db, content, search);
  return { app: createApp({ config, content, search, zeroResults, bot, db, staff }), content, search, zeroResults, dataDir, bot, db, staff };
}
