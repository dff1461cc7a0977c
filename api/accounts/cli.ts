// `npm run users -- add <username> --center <service-id> | --convention <convention-id> [--role admin]` · `reset <username>` ·
// `disable <username>` · `list`. A new or reset password is printed once; the last line of output
// is JSON: {"username": …, "password": …}. There are no default accounts.
import { loadContent } from '../../content/loader.ts';
import { ConfigError, ENV_FILE, loadConfig, openDb, type Config, type Db } from '../core/index.ts';
import { Accounts, type Role } from './store.ts';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const [command, username] = args;
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : (error as Error).message);
    process.exitCode = 1;
    return;
  }
  let db: Db;
  try {
    db = await openDb(config);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
    return;
  }
  // Said every time: an account made in another store is a bare "wrong password" later.
  console.log(`Store: ${db.engine} ${db.where} (${config.DATABASE_URL ? 'DATABASE_URL' : `DATA_DIR=${config.DATA_DIR}`}; set it here or in ${ENV_FILE}, as for npm start)`);
  const accounts = new Accounts(db);
  try {
    switch (command) {
      case 'add': {
        if (!username) throw new Error('usage: npm run users -- add <username> --center <service-id> | --convention <convention-id> [--role admin]');
        const role = (option(args, 'role') ?? 'editor') as Role;
        if (role !== 'editor' && role !== 'admin') throw new Error('--role is editor or admin');
        const center = option(args, 'center') ?? null;
        const convention = option(args, 'convention') ?? null;
        const content = loadContent(config.CONTENT_DIR);
        if (center && !content.services.has(center)) throw new Error(`no centre "${center}" in content/services`);
        if (convention && !content.conventions.has(convention)) throw new Error(`no convention "${convention}" in content/conventions`);
        const { user, password } = await accounts.add(username, center, role, convention);
        const scope = user.center ? ` for ${user.center}` : user.convention ? ` for the convention ${user.convention} (its committee)` : '';
        console.log(`Created ${user.role} "${user.username}"${scope}. The password is shown only now:`);
        console.log(JSON.stringify({ username: user.username, password }));
        break;
      }
      case 'reset': {
        if (!username) throw new Error('usage: npm run users -- reset <username>');
        const password = await accounts.reset(username);
        console.log(`New password for "${username}" (shown only now); their sessions are signed out:`);
        console.log(JSON.stringify({ username, password }));
        break;
      }
      case 'disable':
        if (!username) throw new Error('usage: npm run users -- disable <username>');
        await accounts.disable(username);
        console.log(`Disabled "${username}" and signed out their sessions.`);
        break;
      case 'list':
        for (const u of await accounts.list()) console.log(`${u.username}\t${u.role}\t${u.center ?? (u.convention ? `convention ${u.convention}` : '(whole district)')}\t${u.disabled ? 'disabled' : 'active'}`);
        break;
      default:
        throw new Error('usage: npm run users -- add|reset|disable|list …');
    }
  } catch (error) {
    console.error((error as Error).message.replace(/UNIQUE constraint failed: users.username|duplicate key value violates unique constraint "users_username_key"/, 'that username is taken'));
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}

await main(process.argv.slice(2));
