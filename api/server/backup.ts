// `npm run backup -- <file>`: a consistent copy of the live database through SQLite's online
// backup, safe while the portal runs.
import { loadConfig, openDb } from '../core/index.ts';

const target = process.argv[2];
if (!target) {
  console.error('usage: npm run backup -- <file>');
  process.exit(1);
}
const db = openDb(loadConfig().DATA_DIR);
await db.backup(target);
db.close();
console.log(`Backed up to ${target}`);
