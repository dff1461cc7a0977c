// The composition root: the one place that builds the portal's services from its configuration.
// `npm start` and the tests both call it, so they run the same wiring.
import { loadContent } from '../../content/loader.ts';
import { LANGS } from '../../content/schemas/index.ts';
import { AccountService } from '../accounts/index.ts';
import type { Services } from '../app.ts';
import { Bot } from '../ask/index.ts';
import { DailyCounter, DistrictClock, openDb, Sealer, trustProxies, type Config } from '../core/index.ts';
import { letterDocuments, LetterService } from '../letters/index.ts';
import { consultationDocuments, consultationPassages, ConsultationService, isConsultationDocument, ofConvention } from '../consultations/index.ts';
import { conventionPassages } from '../conventions/index.ts';
import { DirectoryService, servicePassages } from '../directory/index.ts';
import { EventService } from '../events/index.ts';
import { buildSearch } from '../search/index.ts';

/** Loads the content, builds the search index (content, then the stored events), the bot and the stores. */
export async function createServices(config: Config, log: (line: string) => void = () => {}): Promise<Services> {
  const content = loadContent(config.CONTENT_DIR);
  const clock = new DistrictClock(content.district.timeZone);
  const search = await buildSearch(config, content, clock.day(), log);
  const bot = await Bot.create(content, config, clock.day());
  const db = await openDb(config);
  const accounts = new AccountService(db, config.PUBLIC_ORIGIN);
  const staff = (await accounts.accounts.list()).filter((a) => !a.disabled).length;
  log(`store: ${db.engine} ${db.where}${db.readOnly ? ' (READ-ONLY: its disk cannot be written; pages and search serve, every write is refused with 503)' : ''}, ${staff} staff account(s)${staff === 0 ? ' — create one with npm run users -- add <username> --center <service id>' : ''}`);
  const events = new EventService(db, accounts.audit, content, search);
  const indexed = await events.follow();
  log(`events: ${indexed} event documents indexed from the store${db.engine === 'postgres' ? ', following changes from every process' : ''}`);
  const directory = new DirectoryService(db, accounts.audit, content, search, clock);
  // What the bot quotes of a centre (its description, what it offers) follows the centre's changes.
  directory.onChange((id) => bot.refresh(LANGS.flatMap((lang) => servicePassages(content, lang).filter((p) => p.id === `${lang}:service:${id}`))));
  const confirmed = await directory.follow();
  log(`directory: ${confirmed} fact(s) confirmed by the centres laid over content/services`);
  const consultations = new ConsultationService(db, accounts.audit, content, clock, search);
  // The bot quotes the version in force, and an open consultation when asked how to give an opinion.
  consultations.versions.onChange((id) => bot.replace(ofConvention(id), LANGS.flatMap((lang) => conventionPassages(content, lang)).filter((p) => ofConvention(id)(p.id))));
  // Search finds every consultation; the bot quotes the open ones (and a window opens or closes by the day).
  const refreshConsultations = async () => {
    const docs = await consultationDocuments(consultations, content);
    await search.index(docs);
    await bot.replace(isConsultationDocument, await consultationPassages(consultations, content));
  };
  consultations.onChange(refreshConsultations);
  const adopted = await consultations.follow();
  setInterval(() => void refreshConsultations().catch(() => {}), 3_600_000).unref();
  log(`conventions: ${adopted} convention(s) with a version adopted here, laid over content/conventions`);
  const letters = new LetterService(db, accounts.audit, content, Sealer.open(config), config.CONTACT_RETENTION_DAYS);
  // Residents' contact details go a set number of days after their letter is answered.
  const purge = () => letters.purge().then((n) => n > 0 && log(`letters: deleted the contact details of ${n} letter(s) answered over ${config.CONTACT_RETENTION_DAYS} days ago`)).catch(() => {});
  await purge();
  setInterval(() => void purge(), 3_600_000).unref();
  // Search finds the published letters (anonymised), published here or in another process.
  letters.onChange(async () => search.index(await letterDocuments(letters)));
  await letters.follow();
  return {
    config,
    content,
    clock,
    search,
    bot,
    db,
    accounts,
    events,
    directory,
    consultations,
    letters,
    zeroResults: new DailyCounter(db, 'zero-results'),
    trust: trustProxies(config.TRUST_PROXY),
    close: () => db.close(),
  };
}
