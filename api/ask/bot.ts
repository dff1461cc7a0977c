// The Q&A bot: route first, then retrieve passages, then answer by quoting them (extractive) or,
// with a model configured, by a generated answer whose citations are checked.
import { t } from '../../content/i18n/index.ts';
import type { Content } from '../../content/loader.ts';
import type { BotRules, Lang } from '../../content/schemas/index.ts';
import { EmbeddedSearch, normalize, scriptLang, type SearchDocument } from '../../search/index.ts';
import { href, tel, type Config } from '../core/index.ts';
import { coverage, extract, extractiveText, keyTerms, type Citation } from './extractive.ts';
import { checkCitations, generate, type ChatTurn, type ModelSettings } from './generative.ts';
import { passages } from './passages.ts';
import { route, stripPersonalNumbers } from './routing.ts';

export type Status = 'answered' | 'not_found' | 'redirect' | 'refused';

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

/** Below this share of the question's key words in the best passage, the answer is "not found". */
const MIN_COVERAGE = 0.6;
/** The same for a question that names one of the portal's subjects (`scope` in content/bot.yaml). */
const SCOPED_COVERAGE = 0.4;
const PASSAGES = 4;

export class Bot {
  private readonly rules: BotRules;
  private readonly engine: EmbeddedSearch;
  private readonly byId = new Map<string, SearchDocument>();
  private readonly model?: ModelSettings;
  /** The portal's subjects, each term with its synonyms, as one key term to look for. */
  private readonly scope: string[];

  private constructor(private readonly content: Content, config: Config) {
    if (!content.bot) throw new Error('content/bot.yaml is missing');
    this.rules = content.bot;
    this.engine = new EmbeddedSearch(content.synonyms, content.district.soundFolds);
    this.scope = [...new Set(this.rules.scope.flatMap((term) => [term, ...(content.synonyms.find((g) => g.includes(term)) ?? [])]).map(normalize))];
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
    for (const d of docs) bot.byId.set(d.id, d);
    await bot.engine.index(docs);
    return bot;
  }

  get mode(): 'extractive' | 'generative' {
    return this.model ? 'generative' : 'extractive';
  }

  private reply(status: Status, lang: Lang, text: string, links: BotAnswer['links'] = []): BotAnswer {
    return { status, mode: 'extractive', answer: text, citations: [], label: this.rules.replies.quoteLabel[lang], links };
  }

  /** A link to call one of the district's hotlines. */
  private call(number: string): BotAnswer['links'][number] {
    return { title: number, url: tel(number) };
  }

  /** Where a resident goes with their own case: the self-check, the township offices, the hotline. */
  private helpLinks(lang: Lang): BotAnswer['links'] {
    return [
      { title: t(lang, 'ask.link.check'), url: href(lang, 'check/') },
      { title: t(lang, 'ask.link.offices'), url: `${href(lang, 'services/')}?type=civil-affairs-office` },
      this.call(this.content.district.hotlines.government),
    ];
  }

  private notFound(lang: Lang): BotAnswer {
    return this.reply('not_found', lang, this.rules.replies.notFound[lang], [this.call(this.content.district.hotlines.government)]);
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

    const kind = hadNumbers ? 'personal' : route(question, this.rules);
    const { hotlines } = this.content.district;
    if (kind === 'crisis') return emit(this.reply('redirect', lang, replies.crisis[lang], [hotlines.police, hotlines.ambulance, hotlines.mentalHealth, hotlines.government].map((n) => this.call(n))));
    if (kind === 'refused') return emit(this.reply('refused', lang, replies.refused[lang]));
    if (kind === 'personal') return emit(this.reply('redirect', lang, replies.personal[lang], this.helpLinks(lang)));
    if (kind === 'offTopic') return emit(this.notFound(lang));
    if (kind === 'greeting') return emit(this.reply('answered', lang, replies.greeting[lang]));

    // Typos and numbers in characters, as the pages word them (routing has seen the original).
    const understood = this.engine.understand(question);
    // A short follow-up ("那要带什么？") borrows the topic of the previous question.
    const history = (options.history ?? []).slice(-6).map((turn) => ({ ...turn, content: stripPersonalNumbers(turn.content).text }));
    let terms = keyTerms(understood, this.content.synonyms);
    let query = understood;
    const previous = [...history].reverse().find((turn) => turn.role === 'user');
    if (previous && terms.length <= 2) {
      query = `${this.engine.understand(previous.content)} ${understood}`;
      terms = keyTerms(query, this.content.synonyms);
    }

    // Quote from passages that hold most of the question's key words; if even the best holds
    // fewer than MIN_COVERAGE of them, the portal does not answer this question. A question about
    // one of the portal's subjects needs less: residents' filler words ("啥", "没得") are in no page.
    const inScope = coverage(query, [this.scope]) > 0;
    const needed = inScope ? SCOPED_COVERAGE : MIN_COVERAGE;
    // The engine widens the query with the synonym list itself.
    const { hits } = await this.engine.search(query, { lang, limit: PASSAGES * 3 });
    const scored = hits.map((h) => this.byId.get(h.id)!).filter(Boolean).map((p) => ({ p, cover: coverage(`${p.title}\n${p.body}`, terms) }));
    // The passages holding most of the question's words first; the engine's order among equals.
    const relevant = scored.filter((s) => s.cover >= needed * 0.75).sort((a, b) => b.cover - a.cover).slice(0, PASSAGES).map((s) => s.p);
    if (relevant.length === 0 || Math.max(...scored.map((s) => s.cover)) < needed) {
      return emit(this.notFound(lang));
    }

    const extractive = (): BotAnswer => {
      const picked = extract(query, relevant, terms);
      if (picked.sentences.length === 0) return this.notFound(lang);
      return { status: 'answered', mode: 'extractive', answer: extractiveText(replies.extractiveIntro[lang], picked.sentences), citations: picked.citations, label: replies.quoteLabel[lang], links: [] };
    };

    if (!this.model) return emit(extractive());
    try {
      const text = await generate(this.model, this.content.district.name.en, lang, question, relevant, history, (token) => options.onToken?.(token));
      const checked = checkCitations(text, relevant);
      if (checked.kind === 'answer') {
        return { status: 'answered', mode: 'generative', answer: checked.text, citations: checked.citations, label: replies.aiLabel[lang], links: [] };
      }
      if (checked.kind === 'not_found') return this.notFound(lang);
    } catch {
      // Timeouts and errors fall through to the extractive answer.
    }
    return extractive();
  }
}
