// Reading a resident's question as they mean it: what they want to know (the intent), whether it
// is about their own case, and the facts their words give (age, registration, disability,
// illness, household size, income, town), which pre-fill the self-check. Pure functions; nothing
// here is stored.
import type { Content } from '../../content/loader.ts';
import { normalize, RECOURSE, type Intent } from '../../search/index.ts';
import { DISABILITY_KINDS, toQuery, type Answers } from '../eligibility/index.ts';
import { townOfPlace } from '../places/index.ts';

/** Which parts of a guide serve each intent, best first (part ids of `policyPassages`). */
export const PARTS_FOR: Record<Intent, string[]> = {
  qualify: ['who', 'faq', 'summary'],
  apply: ['steps', 'faq', 'materials'],
  where: ['steps', 'faq'],
  bring: ['materials', 'faq'],
  amount: ['what', 'faq'],
  time: ['time', 'steps', 'faq'],
  stopped: ['faq', 'steps'],
  refused: ['faq', 'steps'],
  unfair: ['faq', 'steps'],
  change: ['steps', 'faq'],
  what: ['summary', 'faq', 'what'],
  other: [],
};

// ——— the resident's own case ———

const SELF = /我|俺|本人|咱|自家|家里|家中|家父|家母|老父|老母|父亲|母亲|爸|妈|爷爷|奶奶|外公|外婆|姥姥|姥爷|公公|婆婆|岳父|岳母|丈夫|老公|妻子|老婆|爱人|儿子|女儿|孩子|小孩|哥哥|弟弟|姐姐|妹妹|兄弟|伯伯|叔叔|舅舅|\b(i|i'm|my|we|our|me)\b/i;

export interface Facts {
  /** Ages of the people the question is about, the first being the one it is mostly about. */
  ages: number[];
  residence?: 'urban' | 'rural';
  members?: number;
  /** A disability kind and grade (`physical-2`), or `yes` when the grade is not said. */
  disability?: string;
  illness?: boolean;
  /** Monthly household income in yuan. */
  income?: number;
  /** A town's id from content/places.yaml. */
  town?: string;
}

const KIND_WORDS: [RegExp, (typeof DISABILITY_KINDS)[number]][] = [
  [/肢体|腿|胳膊|截肢|physical/i, 'physical'],
  [/智力|智障|intellectual/i, 'intellectual'],
  [/精神|mental/i, 'mental'],
  [/视力|盲|眼睛|失明|visual|blind/i, 'visual'],
  [/听力|聋|耳朵|hearing|deaf/i, 'hearing'],
  [/言语|哑|语言|speech/i, 'speech'],
  [/多重|multiple/i, 'multiple'],
];
const GRADE = /([一二三四1-4])\s*级|grade\s*([1-4])|level\s*([1-4])/i;
const GRADE_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };
const ILL = /重病|大病|生病|得了病|患病|患有|癌|肿瘤|尿毒症|透析|白血病|脑血栓|脑梗|脑溢血|中风|偏瘫|瘫痪|卧床|心脏病|肝硬化|手术|住院|重症|慢性病|化疗|seriously ill|serious illness|cancer|stroke|kidney failure|surgery|operation/i;
const RURAL = /农村户口|农业户口|户口在农村|农村|村里|乡下|rural/i;
/** Living in a named village ("家住…花耳坪村", "本人是…迪岭村五保户"), or in a town's neighbourhood committee's care. */
const LIVES_IN_VILLAGE = /(住|家在|户籍在|户口在|是)[^，。,；;！!？?]{0,14}\p{Script=Han}村(?!委|干部|书记|主任|长)/u;
const LIVES_IN_TOWN = /居委会|街道办|\p{Script=Han}{2}社区(?!养老|服务|日间|食堂|卫生|医院|工作|儿童|之家)/u;
/** After an age, a range: "80岁以上", "60周岁及以上". */
const RANGE_AFTER = /^\s*(以上|以下|以内|及以上|至|到|~|-|—)/;
const ALONE = /独居|一个人(生活|过|住)|独自(一人)?(生活|居住)|孤身一人|孤寡|lives? alone|living alone/i;
const BENEFIT = /补贴|补助|津贴|救助金|低保金|养老金|抚恤/;
const URBAN = /城镇户口|城市户口|非农|居民户口|户口在城|城镇|城里|城市|urban|in town|in the city/i;

/** The facts a resident's words give about their case. Only what the text says; nothing guessed. */
export function factsOf(text: string, content: Content): Facts {
  const q = normalize(text);
  const facts: Facts = { ages: [] };
  for (const m of q.matchAll(/(\d{1,3})\s*(?:周岁|岁|多岁|years? old|-year-old)|(?:今年|年满|满|已经|已|aged?)\s*(\d{1,3})(?!\s*(?:元|块|万|年|月|日|号|个|口|人|%|级|亩))/gi)) {
    const at = m.index ?? 0;
    // "80岁以上的老人", "90至99岁": a rule's ages, not a person's.
    if (RANGE_AFTER.test(q.slice(at + m[0].length, at + m[0].length + 3)) || /[至到~\-—]\s*$/.test(q.slice(Math.max(0, at - 2), at))) continue;
    // "去年我满了60周岁": a year older now.
    const age = Number(m[1] ?? m[2]) + (/去年/.test(q.slice(Math.max(0, at - 12), at)) ? 1 : 0);
    if (age >= 0 && age <= 120 && !facts.ages.includes(age)) facts.ages.push(age);
  }
  if ((RURAL.test(q) || LIVES_IN_VILLAGE.test(q)) && !/城镇户口|城市户口|非农/.test(q)) facts.residence = 'rural';
  else if (URBAN.test(q) || LIVES_IN_TOWN.test(q)) facts.residence = 'urban';
  const members = q.match(/(\d{1,2})\s*口(?:人|之家)?|一家\s*(\d{1,2})|(\d{1,2})\s*个人(?:一起)?生活|household of (\d{1,2})|(\d{1,2}) of us/);
  if (members) facts.members = Number(members.slice(1).find(Boolean));
  else if (ALONE.test(q)) facts.members = 1;
  if (/残疾|残障|disab/i.test(q)) {
    const grade = q.match(GRADE);
    const n = grade ? (GRADE_DIGIT[grade[1] ?? ''] ?? Number(grade[1] ?? grade[2] ?? grade[3])) : undefined;
    const kind = KIND_WORDS.find(([re]) => re.test(q))?.[1];
    facts.disability = n && kind ? `${kind}-${n}` : 'yes';
  }
  if (ILL.test(q)) facts.illness = true;
  const income = q.match(/(?:月收入|每月收入|每个月收入|一个月收入|收入每月|每月|每个月|一个月|月均)[^\d。，,]{0,8}(\d{2,6})\s*(?:元|块)/);
  const yearly = q.match(/(?:年收入|一年收入|每年收入|一年)[^\d。，,]{0,8}(\d{3,7})\s*(?:元|块)/);
  // "每月都有70元的残疾人补贴" is a benefit, not income.
  const isBenefit = (m: RegExpMatchArray) => BENEFIT.test(q.slice(m.index ?? 0, (m.index ?? 0) + m[0].length + 12));
  if (income && !isBenefit(income)) facts.income = Number(income[1]);
  else if (yearly && !isBenefit(yearly)) facts.income = Math.round(Number(yearly[1]) / 12);
  for (const [id, place] of content.places) {
    if (place.kind === 'district') continue;
    const short = place.name.zh.replace(/(镇|乡|街道|社区|村)$/, '');
    if (q.includes(normalize(place.name.zh)) || (short.length >= 2 && q.includes(short)) || q.includes(place.name.en.toLowerCase())) {
      facts.town = townOfPlace(content, id);
      if (facts.town) break;
    }
  }
  return facts;
}

/** Whether any fact the self-check can use was given. */
export const hasFacts = (f: Facts) => f.ages.length > 0 || Boolean(f.residence || f.members || f.disability || f.illness || f.income !== undefined);

/**
 * Whether the question is about the asker's own case: it speaks of them or their family and asks
 * whether they qualify (or what they can get), with facts of their situation or about "my" benefit.
 */
export function aboutOwnCase(text: string, intent: Intent, facts: Facts): boolean {
  const q = normalize(text);
  if (!SELF.test(q) && !OWN_BENEFIT.test(q)) return false;
  // Their own payment stopped or application refused ("我家低保被取消了", "我申请了3年的五保").
  if (RECOURSE.has(intent) && intent !== 'unfair') return hasFacts(facts) || OWN_BENEFIT.test(q);
  if (intent !== 'qualify' && !(intent === 'other' && hasFacts(facts))) return false;
  return hasFacts(facts) || /我(家|们家)?(能|可以|符合|够|算)|我.{0,4}(能不能|可不可以|能否)|can i|am i|do i|can we|does my/i.test(q);
}

/**
 * Whether the text tells the asker's own situation, whatever it asks: it speaks of them or their
 * family with facts the self-check can use, or of a benefit of theirs. Such a question, answered or
 * not, also gets the filled self-check and the office.
 */
export function tellsOwnSituation(text: string, facts: Facts): boolean {
  const q = normalize(text);
  return OWN_BENEFIT.test(q) || (SELF.test(q) && hasFacts(facts));
}

/** A benefit or application that is the asker's own (or their family's). */
const OWN_BENEFIT = /(我|俺|本人|我家|我们家|家里|父亲|母亲|爸|妈|哥哥|弟弟|姐姐|妹妹|儿子|女儿|丈夫|妻子|老公|老婆|爷爷|奶奶).{0,12}(低保|五保|特困|补贴|补助|津贴|救助|申请|领)|(享有|享受|领了|吃了).{0,4}(低保|五保|特困|补贴|补助|津贴)|\b(my|our) (dibao|allowance|subsidy|application|payment|benefit)/i;

/**
 * The self-check's answers from the facts, for a link that opens it filled in: the household
 * size said (or one person when only one is described), their ages, registration, the one
 * disability and serious illness described (on the person the question is mostly about), income.
 */
export function checkAnswers(f: Facts): Answers {
  const a: Answers = {};
  if (f.residence) a.residence = f.residence;
  if (f.town) a.town = f.town;
  const members = f.members ?? (f.ages.length > 0 ? Math.max(1, f.ages.length) : undefined);
  if (members) {
    a.members = String(members);
    if (f.ages.length === members) a.ages = f.ages.join(',');
    else if (members === 1 && f.ages.length > 0) a.ages = String(f.ages[0]);
  }
  if (f.disability) {
    a.disability = 'yes';
    if (f.disability !== 'yes' && a.ages) a.disabilityDetails = Array.from({ length: members! }, (_, i) => (i === 0 ? f.disability! : 'none')).join(',');
  }
  if (f.illness && members) a.illness = '0';
  if (f.income !== undefined) a.income = String(f.income);
  return a;
}

/** The query string of a self-check pre-filled from a question (`from=ask` shows what was filled in). */
export function checkQuery(f: Facts): string {
  return toQuery(checkAnswers(f), { from: 'ask' });
}
