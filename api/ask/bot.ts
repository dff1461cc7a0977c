// The Q&A bot: route first, then retrieve passages, then answer by quoting them (extractive) or,
// with a model configured, by a generated answer whose citations are checked.
import { t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import type { BotRules, Lang } from '../../content/schemas/index.ts';
import { asksWhetherQualifies, cutWords, EmbeddedSearch, letterIntent, normalize, placeNamesIn, pointOf, RECOURSE, scriptLang, type Intent, type SearchDocument } from '../../search/index.ts';
import { href, tel, type Config } from '../core/index.ts';
import { officeFor } from '../directory/index.ts';
import { attackIn } from './attacks.ts';
import { ASKS_MONEY, covers, extract, extractiveText, keyTerms, type Citation } from './extractive.ts';
import { checkCitations, generate, rewriteLetter, type ChatTurn, type ModelSettings } from './generative.ts';
import { guidePart, passages } from './passages.ts';
import { aboutOwnCase, checkAnswers, checkQuery, factsOf, PARTS_FOR, tellsOwnSituation, type Facts } from './reading.ts';
import { outsideTermsIn, route, stripPersonalNumbers } from './routing.ts';

export type Status = 'answered' | 'not_found' | 'redirect' | 'refused';

/** Asking how to say what one thinks … */
const ASKS_OPINION = /提意见|提建议|意见|建议|看法|想法|发表|反映|说一说|说说|讲讲|opinion|comment|feedback|have (my|a|our) say|give my view|suggest/i;
/** … about a convention or its revision. */
const ON_CONVENTIONS = /村规民约|村规|村约|居民公约|公约|民约|村里的规矩|village rules|convention|community rules|draft rules/i;

export interface BotAnswer {
  status: Status;
  mode: 'extractive' | 'generative';
  answer: string;
  citations: Citation[];
  /** The visible label: a quotation from the portal, or AI-generated. */
  label: string;
  /** Where to go instead, for redirects and answers not found. */
  links: { title: string; url: string }[];
}

/** The bot answers by quoting passages unless a model endpoint is configured. */
export function botMode(config: Config): 'extractive' | 'generative' {
  return config.OPENAI_API_KEY || config.OPENAI_BASE_URL ? 'generative' : 'extractive';
}

/** A question as the bot reads it. */
interface Reading {
  /** The asking sentence(s) of the question, with its subject when named only earlier. */
  point: string;
  /** What is searched: the point, or with a short follow-up the previous question's too. */
  query: string;
  /** The query's key words, each with its synonyms. */
  terms: string[][];
  intent: Intent;
  /** The portal's subjects it names (scope groups). */
  subjects: string[][];
  /** Whether the subjects are named only earlier in the letter, not in its asking sentence. */
  borrowed: boolean;
  facts: Facts;
}

/**
 * Whether a normalised text names a term, whole or (for a Chinese term of four or more
 * characters) its first two and last two characters with at most two others between:
 * 残疾证补贴 names 残疾人补贴, 高龄老人补贴 names 高龄补贴.
 */
function mentionsLoosely(text: string, term: string): boolean {
  if (text.includes(term)) return true;
  if (!/^\p{Script=Han}{4,}$/u.test(term)) return false;
  const head = term.slice(0, 2);
  const tail = term.slice(-2);
  for (let i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + 1)) {
    const j = text.indexOf(tail, i + 2);
    if (j >= 0 && j - (i + 2) <= term.length - 4 + 2) return true;
  }
  return false;
}

const pageOf = (url: string) => url.split('#')[0]!;

/** The part of a guide whose sentences, in order, answer each kind of question. */
const LIST_PART: Partial<Record<Intent, string>> = { qualify: 'who', bring: 'materials', apply: 'steps', amount: 'what', time: 'time' };

/** "What can I get" is answered by what one gets, whatever else the question asks. */
const listPartFor = (r: Reading) => (ASKS_MONEY.test(r.query) ? 'what' : LIST_PART[r.intent]);

/** Below this share of the question's key words in the best passage, the answer is "not found". */
const MIN_COVERAGE = 0.6;
/** The same for a question that names one of the portal's subjects (`scope` in content/bot.yaml). */
const SCOPED_COVERAGE = 0.4;
const PASSAGES = 4;
/**
 * The weight of a word no page uses. Residents' own words (屋头, 没得) are in no page, but neither
 * is the thing an outside question is about (换证, 学位): such a word counts, less than a page word.
 */
const UNKNOWN_WEIGHT = 1.5;
/** Up to this many characters, a question naming another city or county is about that place's rules. */
const SHORT_QUESTION = 60;
/** A title's aside in brackets. */
const ASIDE = /[（(][^）)]*[）)]/g;
/** The last character of a fee, fund, certificate or insurance. */
const THING = /[费金证险]$/;
/** Beyond this many characters, a question is a letter, which a model (when configured) first rewrites into one question. */
const LETTER = 120;

export class Bot {
  private readonly rules: BotRules;
  private readonly engine: EmbeddedSearch;
  private readonly byId = new Map<string, SearchDocument>();
  private readonly model?: ModelSettings;
  /** The portal's subjects, each a scope term with its synonym group, normalised. */
  private readonly scopeGroups: string[][];
  /** Every passage's title and body, normalised once: what is matched, and how rare each word is. */
  private readonly normalText = new Map<string, string>();
  private readonly weightCache = new Map<string, number>();
  private readonly knownCache = new Map<string, boolean>();
  /** Each guide's passages, by `{lang}:{guide}`. */
  private readonly byGuide = new Map<string, SearchDocument[]>();
  /** Each guide's title a passage is on a subject by (see subjectTitle), normalised. */
  private readonly guideTitles = new Map<string, string>();
  /** This district's place names, its city and province, whole and without 区/镇/市/省, and the country. */
  private readonly ourPlaces: string[];
  /** Each page's passages together, normalised, by address without the anchor. */
  private readonly pageText = new Map<string, string>();

  private constructor(private readonly content: Content, config: Config) {
    if (!content.bot) throw new Error('content/bot.yaml is missing');
    this.rules = content.bot;
    this.engine = new EmbeddedSearch(content.synonyms, content.district.soundFolds);
    const { district } = content;
    this.ourPlaces = [...[...content.places.values()].map((p) => p.name.zh), district.city.zh, district.province.zh, '中国', '全国', '中华人民共和国']
      .flatMap((name) => [name, name.replace(/(区|镇|乡|街道|社区|村|市|省)$/, '')])
      .filter((name) => name.length >= 2);
    this.scopeGroups = this.rules.scope.map((term) => [...new Set([term, ...(content.synonyms.find((g) => g.includes(term)) ?? [])].map(normalize))]);
    if (botMode(config) === 'generative') {
      this.model = {
        apiKey: config.OPENAI_API_KEY,
        baseURL: config.OPENAI_BASE_URL,
        model: config.OPENAI_MODEL ?? 'gpt-4o-mini',
        timeoutMs: config.OPENAI_TIMEOUT_MS,
      };
    }
  }

  /** A bot with its passages indexed (in process: a few hundred short passages). */
  static async create(content: Content, config: Config, today: string): Promise<Bot> {
    const bot = new Bot(content, config);
    const docs = passages(content, today);
    for (const d of docs) {
      const text = normalize(`${d.title}\n${d.body}`);
      bot.byId.set(d.id, d);
      bot.normalText.set(d.id, text);
      bot.pageText.set(pageOf(d.url), `${bot.pageText.get(pageOf(d.url)) ?? ''}\n${text}`);
      const guide = guidePart(d)?.guide;
      if (guide) bot.byGuide.set(`${d.lang}:${guide}`, [...(bot.byGuide.get(`${d.lang}:${guide}`) ?? []), d]);
    }
    // A guide is on a subject its Chinese title names, in either language (English titles
    // describe, "…for one family member who is severely disabled", where Chinese ones name); an
    // explainer only by its title proper, not an aside in brackets (家庭收入怎么算（申请低保前先看）
    // is about 收入, not 低保).
    for (const [id, guide] of content.policies) {
      const title = normalize(guide.title.zh);
      bot.guideTitles.set(id, guide.kind === 'explainer' ? title.replace(ASIDE, '') : title);
    }
    await bot.engine.index(docs);
    return bot;
  }

  /** Takes in passages that changed (a centre's own description or offers): quoted as they now read. */
  async refresh(docs: SearchDocument[]): Promise<void> {
    for (const d of docs) {
      this.byId.set(d.id, d);
      this.normalText.set(d.id, normalize(`${d.title}\n${d.body}`));
    }
    for (const page of new Set(docs.map((d) => pageOf(d.url)))) {
      const texts = [...this.byId.values()].filter((d) => pageOf(d.url) === page).map((d) => this.normalText.get(d.id)!);
      this.pageText.set(page, `\n${texts.join('\n')}`);
    }
    // How rare a word is depends on every passage's text.
    this.weightCache.clear();
    this.knownCache.clear();
    await this.engine.index(docs);
  }

  /** Replaces every passage `belongs` claims with `docs` (a convention's new version: its removed articles are no longer quoted). */
  async replace(belongs: (id: string) => boolean, docs: SearchDocument[]): Promise<void> {
    const gone = [...this.byId.keys()].filter((id) => belongs(id) && !docs.some((d) => d.id === id));
    for (const id of gone) {
      this.byId.delete(id);
      this.normalText.delete(id);
    }
    if (gone.length) await this.engine.remove(gone);
    await this.refresh(docs);
  }

  get mode(): 'extractive' | 'generative' {
    return this.model ? 'generative' : 'extractive';
  }

  private reply(status: Status, lang: Lang, text: string, links: BotAnswer['links'] = []): BotAnswer {
    return { status, mode: 'extractive', answer: text, citations: [], label: this.rules.replies.quoteLabel[lang], links };
  }

  /**
   * The open consultations' passages, when a question asks how to give an opinion on a convention
   * (those of a village it names first); none otherwise, or when none is open.
   */
  private openConsultations(question: string, lang: Lang): SearchDocument[] {
    if (!ASKS_OPINION.test(question) || !ON_CONVENTIONS.test(question)) return [];
    const open = [...this.byId.values()].filter((d) => d.type === 'consultation' && d.lang === lang);
    const named = open.filter((d) => [...this.content.places.values()].some((p) => question.includes(p.name.zh.replace(/(村|社区|镇|街道)$/, '')) && d.title.includes(p.name.zh.replace(/(村|社区|镇|街道)$/, ''))));
    return (named.length > 0 ? named : open).slice(0, 3);
  }

  private consultationAnswer(lang: Lang, passages: SearchDocument[]): BotAnswer {
    const citations = passages.map((p) => ({ title: p.title, url: p.url, quote: p.body }));
    const text = extractiveText(this.rules.replies.extractiveIntro[lang], passages.map((p, i) => ({ text: p.body, citation: i + 1 })));
    return { status: 'answered', mode: 'extractive', answer: text, citations, label: this.rules.replies.quoteLabel[lang], links: passages.map((p) => ({ title: p.title, url: p.url })) };
  }

  /** A link to call one of the district's hotlines. */
  private call(lang: Lang, number: string): BotAnswer['links'][number] {
    return { title: t(lang, 'ask.link.call', { number }), url: tel(number) };
  }

  private notFound(lang: Lang): BotAnswer {
    return this.reply('not_found', lang, this.rules.replies.notFound[lang], [this.call(lang, this.content.district.hotlines.government), this.writeLink(lang, 'question')]);
  }

  /** Writing to the bureau (a question, or a complaint), with the town the resident named: where the pages cannot help. */
  private writeLink(lang: Lang, kind: 'question' | 'complaint', facts?: Facts): BotAnswer['links'][number] {
    const query = new URLSearchParams({ kind, ...(facts?.town && { town: facts.town }) });
    return { title: t(lang, kind === 'complaint' ? 'ask.link.complain' : 'ask.link.write'), url: `${href(lang, 'letters/write/')}?${query}` };
  }

  /**
   * Answers one question. `onToken` receives the answer as it is written (the model's tokens, or
   * the extractive answer line by line). Personal numbers never reach retrieval, the model or the
   * answer.
   */
  async answer(rawQuestion: string, options: { lang?: Lang; history?: ChatTurn[]; onToken?: (t: string) => void } = {}): Promise<BotAnswer> {
    const { text: question, hadNumbers } = stripPersonalNumbers(rawQuestion);
    const lang = options.lang ?? scriptLang(question);
    const replies = this.rules.replies;
    const emit = (answer: BotAnswer) => {
      if (options.onToken) for (const line of answer.answer.split('\n')) options.onToken(`${line}\n`);
      return answer;
    };

    // Routing runs on the resident's own words, before anything is retrieved or sent to a model.
    const routed = route(question, this.rules);
    const { hotlines } = this.content.district;
    if (routed === 'crisis') return emit(this.reply('redirect', lang, replies.crisis[lang], [hotlines.police, hotlines.ambulance, hotlines.mentalHealth, hotlines.government].map((n) => this.call(lang, n))));
    if (routed === 'refused' || attackIn(question).attack) return emit(this.reply('refused', lang, replies.refused[lang]));
    if (routed === 'greeting') return emit(this.reply('answered', lang, replies.greeting[lang]));
    // "How can I give my opinion on the new village rules?": the consultations open now.
    const consulting = this.openConsultations(question, lang);
    if (consulting.length > 0) return emit(this.consultationAnswer(lang, consulting));

    // Typos and numbers in characters, as the pages word them; then the letter read for its point.
    const understood = this.engine.understand(question);
    const history = (options.history ?? []).slice(-6).map((turn) => ({ ...turn, content: stripPersonalNumbers(turn.content).text }));
    // With a model, a long letter is first rewritten into one short question (checked like the letter was).
    const rewritten = this.model && understood.length > LETTER ? await rewriteLetter(this.model, question) : undefined;
    const asked = rewritten && !attackIn(rewritten).attack && route(rewritten, this.rules) === 'question' ? this.engine.understand(rewritten) : undefined;
    const reading = this.read(understood, history, asked);
    // "能否申请特困？如何申请？" asks both; "Where can I apply?" asks only where.
    const ownIntent = ['apply', 'what', 'other'].includes(reading.intent) && asksWhetherQualifies(reading.point) ? 'qualify' : reading.intent;
    const own = hadNumbers || routed === 'personal' || aboutOwnCase(understood, ownIntent, reading.facts);
    // About another city or county's own rules ("济南低保发放时间"): not this portal's to answer. (A
    // long letter that names its own county is a resident telling their case.)
    if (understood.length <= SHORT_QUESTION && this.elsewhere(reading.point)) return emit(this.notFound(lang));
    // A subject of another department ("养老保险", "医保") with none of ours, judged on the asking
    // sentence (a letter may mention 征地 in passing and still ask about 低保): not ours to answer.
    const outside = outsideTermsIn(reading.point, this.rules);
    // (The same when our subject is named only elsewhere in the letter, not where it asks.)
    if (outside.length > 0 && (reading.subjects.length === 0 || reading.borrowed)) return emit(this.notFound(lang));

    // A fee, fund, certificate or insurance no page speaks of ("监护费", "换证"): not ours to answer.
    // (A complaint names the wrong done, 好处费, not what it asks about; a letter's point is read whole.)
    if (reading.intent !== 'unfair' && reading.point.length <= SHORT_QUESTION && this.unknownThings(reading.point).length > 0) return emit(this.notFound(lang));

    const told = own || tellsOwnSituation(understood, reading.facts);
    const found = await this.retrieve(reading, lang, outside, told);
    if (found.length === 0 && outside.length > 0) return emit(this.notFound(lang));
    // A refusal, a stop or unfairness is answered from the rights explainer when it ranks first, or
    // whenever found for the resident's own benefit ("我却从来没领到一分钱").
    const recourse = RECOURSE.has(reading.intent) && found.length > 0 && (this.isRights(found[0]!) || (told && found.some((p) => this.isRights(p))));
    const quoted = recourse ? found.filter((p) => this.isRights(p)) : found;
    // Their own case, about one of the portal's subjects (or with a rule found): the rule, the
    // filled self-check and the office. Personal numbers always get the redirect.
    if (own && !recourse && (found.length > 0 || reading.subjects.length > 0 || hadNumbers)) return emit(this.personal(lang, reading, found));
    if (found.length === 0) return emit(this.notFound(lang));
    // An answer to a resident who told their situation also offers the filled self-check and their office.
    const links = recourse || told ? this.recourseLinks(lang, reading.facts, told, reading.intent === 'unfair' ? 'complaint' : 'question') : [];

    const extractive = (): BotAnswer => {
      const picked = extract(reading.query, this.partFirst(quoted, reading), reading.terms, 3, listPartFor(reading));
      if (picked.sentences.length === 0) return this.notFound(lang);
      const intro = recourse ? replies.recourseIntro[lang] : replies.extractiveIntro[lang];
      return { status: 'answered', mode: 'extractive', answer: extractiveText(intro, picked.sentences), citations: picked.citations, label: replies.quoteLabel[lang], links };
    };

    if (!this.model) return emit(extractive());
    try {
      const text = await generate(this.model, this.content.district.name.en, lang, reading.query, quoted, history, (token) => options.onToken?.(token));
      const checked = checkCitations(text, quoted);
      if (checked.kind === 'answer') {
        return { status: 'answered', mode: 'generative', answer: checked.text, citations: checked.citations, label: replies.aiLabel[lang], links };
      }
      if (checked.kind === 'not_found') return this.notFound(lang);
    } catch {
      // Timeouts and errors fall through to the extractive answer.
    }
    return extractive();
  }

  /** A question read for its point, intent, subjects and facts; a short follow-up borrows the previous question's subject. */
  private read(understood: string, history: ChatTurn[], asked?: string): Reading {
    let point = asked ?? pointOf(understood);
    let subjects = this.subjectsIn(point);
    // The subject is often named earlier in the letter than the question ("我父亲…低保…请问能享受吗").
    const whole = this.subjectsIn(understood);
    const borrowed = subjects.length === 0 && whole.length > 0;
    if (borrowed) {
      point = `${whole.map((g) => g[0]).join(' ')} ${point}`;
      subjects = whole;
    }
    const intent = letterIntent(point, understood);
    let query = point;
    let terms = keyTerms(query, this.content.synonyms);
    const previous = [...history].reverse().find((turn) => turn.role === 'user');
    if (previous && subjects.length === 0 && terms.length <= 3) {
      const before = this.engine.understand(previous.content);
      query = `${pointOf(before)} ${point}`;
      terms = keyTerms(query, this.content.synonyms);
      subjects = this.subjectsIn(query);
    }
    return { point, query, terms, intent, subjects, borrowed, facts: factsOf(understood, this.content) };
  }

  /** The portal's subjects (scope groups) a text names, whole or with a word between (残疾证补贴 for 残疾人补贴). */
  private subjectsIn(text: string): string[][] {
    const normal = normalize(text);
    const found = this.scopeGroups.flatMap((group) => {
      const terms = group.filter((term) => mentionsLoosely(normal, term)).sort((a, b) => b.length - a.length);
      if (terms.length === 0) return [];
      const term = terms[0]!;
      return [{ group, term, at: normal.includes(term) ? normal.indexOf(term) : normal.indexOf(term.slice(0, 2)) }];
    });
    // A subject named only inside another's name (残疾 in 残疾人护理补贴) is that one.
    const own = found.filter((x) => !found.some((y) => y !== x && y.term.length > x.term.length && y.term.includes(x.term)));
    // The one asked for first: a subject right after "apply for / get / receive" (申请临时救助),
    // else the one named first (困难残疾人生活补贴 … 要低保户才能领 asks about the former).
    // (With a few characters between: 申请民政局临时救助.)
    const object = own.find((x) => /(申请|办理|领取|享受|领|吃|办)[^，。,？?！!\s]{0,4}$|(apply for|get|receive|claim)\s*(the |a |an |any )?$/.test(normal.slice(Math.max(0, x.at - 16), x.at)));
    const ordered = own.sort((a, b) => a.at - b.at);
    return (object ? [object, ...ordered.filter((x) => x !== object)] : ordered).map((x) => x.group);
  }

  /**
   * The passages that answer a reading, best first: the engine's hits, the guides of the subjects
   * named (and, for a refusal, a stop or unfairness, the rights explainer's), scored by the share of
   * the question's words they hold (weighted by rarity), whether they are the part of a guide that
   * serves the intent, and whether their guide is about the subject asked. Empty when none holds enough.
   */
  private async retrieve(reading: Reading, lang: Lang, outside: string[], told: boolean): Promise<SearchDocument[]> {
    const { terms, subjects, intent } = reading;
    if (terms.length === 0 && subjects.length === 0) return [];
    const { hits } = await this.engine.search(reading.query, { lang, limit: PASSAGES * 5 });
    const candidates = new Map<string, SearchDocument>();
    for (const h of hits) if (this.byId.has(h.id) && (RECOURSE.has(intent) || !this.isRights(this.byId.get(h.id)!))) candidates.set(h.id, this.byId.get(h.id)!);
    if (RECOURSE.has(intent)) for (const p of this.rightsPassages(lang)) candidates.set(p.id, p);
    // A named subject's own guide is always a candidate (the engine may rank a near miss first).
    for (const p of this.subjectPassages(subjects, lang)) candidates.set(p.id, p);
    const parts = PARTS_FOR[intent];
    const scored = [...candidates.values()].map((p) => {
      const text = this.normalText.get(p.id)!;
      // A passage's own words, and its page's: the section that answers often does not repeat the subject.
      const own = this.weighted(text, terms);
      const page = this.weighted(this.pageText.get(pageOf(p.url)) ?? '', terms);
      const cover = Math.max(own, 0.8 * page);
      const part = guidePart(p)?.part ?? 'page';
      // The part that serves the intent is preferred, but the words the question shares decide first.
      const partBonus = parts.indexOf(part) === 0 ? 0.15 : parts.includes(part) ? 0.08 : 0;
      // On the subject asked for first (subjectsIn puts it first) counts most.
      const title = this.subjectTitle(p);
      const named = subjects.findIndex((g) => g.some((term) => title.includes(term)));
      // The more of a guide's title proper the subject is, the more the guide is about it: 最低生活保障
      // is all of the dibao guide's, 低保 a third of 低保边缘家庭's, and only the aside of 单人户施保（…吃低保）'s.
      const proper = title.replace(ASIDE, '');
      const share = named < 0 ? 0 : Math.max(0, ...subjects[named]!.filter((term) => proper.includes(term)).map((term) => term.length / proper.length));
      const onSubject = named < 0 ? 0 : (named === 0 ? 0.3 : 0.2) * (0.5 + 0.5 * share);
      // Most when it is the resident's own payment or application; "会被取消吗" asks the programme's rule too.
      const rights = RECOURSE.has(intent) && this.isRights(p) ? (told ? 0.4 : 0.25) : 0;
      const outsideOk = outside.every((term) => text.includes(normalize(term)));
      // Ranked by the passage's own words first, its page's second.
      return { p, cover, onSubject, rights, score: own + 0.3 * page + partBonus + onSubject + rights, outsideOk };
    });
    const needed = subjects.length > 0 ? SCOPED_COVERAGE : MIN_COVERAGE;
    // A stop, a refusal or unfairness is what the rights explainer is for: it answers on few shared words.
    let good = scored.filter((s) => s.outsideOk && (s.cover >= needed || (s.cover >= needed / 2 && s.onSubject + s.rights > 0) || (s.rights > 0 && s.cover >= needed / 4)));
    // When the subject's own guide answers, passages from other guides are near misses.
    const onSubject = good.filter((s) => s.onSubject > 0);
    if (onSubject.length > 0) good = good.filter((s) => s.onSubject > 0 || s.rights > 0);
    // A refusal, a stop or unfairness is answered from the rights explainer (with the subject's guide when named).
    if (RECOURSE.has(intent) && good.some((s) => s.rights > 0)) good = good.filter((s) => s.rights > 0 || s.onSubject > 0);
    if (good.length === 0) return [];
    return good.sort((a, b) => b.score - a.score).slice(0, PASSAGES).map((s) => s.p);
  }

  /** The passages of the programme guides whose titles name one of the subjects. */
  private subjectPassages(subjects: string[][], lang: Lang): SearchDocument[] {
    if (subjects.length === 0) return [];
    return [...this.guideTitles]
      .filter(([id, title]) => this.content.policies.get(id)!.kind === 'programme' && subjects.some((g) => g.some((term) => title.includes(term))))
      .flatMap(([id]) => this.byGuide.get(`${lang}:${id}`) ?? []);
  }

  /**
   * For "what can I get": the best guide's part that says what one gets, first (taken from the
   * guide when not retrieved). Other questions keep the order the words decided.
   */
  private partFirst(found: SearchDocument[], reading: Reading): SearchDocument[] {
    const guide = found[0] && guidePart(found[0])?.guide;
    if (!guide || !ASKS_MONEY.test(reading.query)) return found;
    const what = this.byGuide.get(`${found[0]!.lang}:${guide}`)?.find((p) => guidePart(p)?.part === 'what');
    return what ? [what, ...found.filter((p) => p.id !== what.id)] : found;
  }

  /** The title a passage is on a subject by: its guide's (see `guideTitles`), or its own. */
  private subjectTitle(p: SearchDocument): string {
    const guide = guidePart(p)?.guide;
    return (guide && this.guideTitles.get(guide)) || normalize(p.title);
  }

  /**
   * The fees, funds, certificates and insurances (…费, …金, …证, …险) a text names that no page
   * mentions: 监护费 or 换证 is a thing the portal has nothing on, however many other words match.
   */
  private unknownThings(text: string): string[] {
    const out: string[] = [];
    for (const run of normalize(text).match(/\p{Script=Han}+/gu) ?? []) {
      const words = cutWords(run);
      words.forEach((word, i) => {
        const thing = word.length >= 2 && THING.test(word) ? word : word.length === 1 && THING.test(word) && (words[i - 1]?.length ?? 0) >= 2 ? words[i - 1]! + word : undefined;
        // 低保金, 补助金, 护理费 are what the pages call 低保, 补助, 护理补贴: only a new kind of thing counts.
        if (thing && !this.knows(thing) && !(thing.length >= 3 && this.knowsAny(thing.slice(0, -1)))) out.push(thing);
      });
    }
    return out;
  }

  /** Whether any page's text holds a word or one of its synonyms (补助 for 补贴). */
  private knowsAny(word: string): boolean {
    return this.knows(word) || (this.content.synonyms.find((g) => g.includes(word)) ?? []).some((w) => this.knows(normalize(w)));
  }

  /** Whether any page's text holds a word. */
  private knows(word: string): boolean {
    let known = this.knownCache.get(word);
    if (known === undefined) {
      known = [...this.pageText.values()].some((text) => text.includes(word));
      this.knownCache.set(word, known);
    }
    return known;
  }

  /** Whether the asking sentence names a place that is not this district's, nor its city or province. */
  private elsewhere(point: string): boolean {
    return placeNamesIn(point).some((name) => !this.ourPlaces.some((ours) => ours.includes(name) || name.includes(ours)));
  }

  /**
   * The share of the question's key words a text holds, each weighted by how rare it is in the
   * pages (inverse document frequency): 遭火 says more than 帮忙 or 哪个.
   */
  private weighted(normal: string, terms: string[][]): number {
    if (terms.length === 0) return 0;
    let held = 0;
    let total = 0;
    for (const term of terms) {
      const w = this.weight(term);
      total += w;
      if (covers(normal, term)) held += w;
    }
    return total === 0 ? 0 : held / total;
  }

  private weight(term: string[]): number {
    let w = this.weightCache.get(term[0]!);
    if (w === undefined) {
      const texts = [...this.normalText.values()];
      const df = texts.filter((text) => covers(text, term)).length;
      w = df === 0 ? UNKNOWN_WEIGHT : Math.log(1 + texts.length / df);
      this.weightCache.set(term[0]!, w);
    }
    return w;
  }

  /** Whether a passage is from the rights explainer (`recourse` in content/bot.yaml). */
  private isRights(p: SearchDocument): boolean {
    return Boolean(this.rules.recourse) && guidePart(p)?.guide === this.rules.recourse;
  }

  private rightsPassages(lang: Lang): SearchDocument[] {
    return (this.rules.recourse && this.byGuide.get(`${lang}:${this.rules.recourse}`)) || [];
  }

  /**
   * A resident's own case: the general rule that applies, quoted, then the self-check filled in
   * with what their words told, their township office, and the hotline. Status `redirect`: the
   * office decides, not the portal.
   */
  private personal(lang: Lang, reading: Reading, found: SearchDocument[]): BotAnswer {
    const replies = this.rules.replies;
    const rule = found.length > 0 ? extract(reading.query, this.partFirst(found, reading), reading.terms, 3, listPartFor(reading)) : undefined;
    const links = [this.checkLink(lang, reading.facts), this.officeLink(lang, reading.facts), this.call(lang, this.content.district.hotlines.government), this.writeLink(lang, 'question', reading.facts)];
    if (!rule || rule.sentences.length === 0) return this.reply('redirect', lang, replies.personal[lang], links);
    return {
      status: 'redirect',
      mode: 'extractive',
      answer: `${extractiveText(replies.personalIntro[lang], rule.sentences)}\n${replies.personalNext[lang]}`,
      citations: rule.citations,
      label: replies.quoteLabel[lang],
      links,
    };
  }

  /** The self-check, opened with the answers the resident's words already gave. */
  private checkLink(lang: Lang, facts: Facts): BotAnswer['links'][number] {
    const answers = checkAnswers(facts);
    const said: string[] = [];
    if (answers.ages && answers.members === '1') said.push(t(lang, 'ask.fact.age', { age: answers.ages }));
    else if (answers.members) said.push(t(lang, 'ask.fact.members', { n: answers.members }));
    if (answers.residence) said.push(t(lang, answers.residence === 'urban' ? 'ask.fact.urban' : 'ask.fact.rural'));
    if (answers.disability) said.push(t(lang, 'ask.fact.disability'));
    if (answers.illness) said.push(t(lang, 'ask.fact.illness'));
    if (answers.income) said.push(t(lang, 'ask.fact.income', { n: answers.income }));
    const url = href(lang, 'check/');
    if (said.length === 0) return { title: t(lang, 'ask.link.check'), url };
    return { title: t(lang, 'ask.link.checkFilled', { facts: said.join(lang === 'zh' ? '、' : ', ') }), url: `${url}?${checkQuery(facts)}` };
  }

  /** The township office of the town the resident named, or the list of offices. */
  private officeLink(lang: Lang, facts: Facts): BotAnswer['links'][number] {
    const office = facts.town ? officeFor(this.content, lang, facts.town) : undefined;
    return office ? { title: office.name, url: office.url } : { title: t(lang, 'ask.link.offices'), url: `${href(lang, 'services/')}?type=civil-affairs-office` };
  }

  /** Where to go when a decision went against a resident: their office and the hotline (and, for their own case, the self-check). */
  private recourseLinks(lang: Lang, facts: Facts, own: boolean, kind: 'question' | 'complaint'): BotAnswer['links'] {
    return [...(own ? [this.checkLink(lang, facts)] : []), this.officeLink(lang, facts), this.call(lang, this.content.district.hotlines.government), this.writeLink(lang, kind, facts)];
  }
}
