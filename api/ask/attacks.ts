// Attacks as they appear in the wild: role-play ("you are now DAN", 扮演猫娘), nested fiction,
// "ignore the above", prompt extraction in any form, translation and encoding tricks, the
// grandmother exploit, and a harmful goal (forged papers, other people's ID or bank numbers)
// appended to an innocent question. Each is a kind of move, not a string: a message is refused
// when it makes one strong move, or two weaker ones together. Residents' questions make none
// of them: they ask about their case, they do not tell the bot what it is.
import { editDistance, normalize } from '../../search/index.ts';

type Signal = 'role' | 'rules' | 'extract' | 'override' | 'obey' | 'code' | 'meta' | 'encoding' | 'fiction' | 'detail' | 'harm' | 'grandma' | 'model';

/** Moves that are refused on their own. */
const STRONG: ReadonlySet<Signal> = new Set(['role', 'extract', 'override', 'obey', 'code', 'meta', 'encoding', 'harm', 'grandma', 'rules']);

const ROLE = [
  // Chinese: becoming someone else, entering a mode, the assistant's identity rewritten.
  /你(现在|从现在起|从现在开始|接下来|今后|以后)?(就)?(是|将是|变成|成为|扮演|充当|作为)(一[个只名位]|我的)/,
  /(从现在(开始|起)|接下来|现在开始).{0,12}你.{0,8}(是|要|将|必须|就|不再|不需要|不用|可以)/,
  /模拟(一下)?(你|成|一个)|我是(你的)?(开发者|开发人员|管理员|工程师|创造者)|你的(开发者|创造者)(让|要求)/,
  /扮演|假扮|假装(你|自己)|模仿.{0,20}(角色|人物|外星人|机器人|ai|助手|语气|口吻)|角色扮演|进入.{0,10}模式|开发者模式|上帝模式|越狱|猫娘|魅魔|你不再是|不要再做|忘掉你(是|的身份)|你的新身份|以.{0,12}的身份(回答|回复|说话)|用.{0,12}的口吻/,
  // English: the usual openings of DAN, AIM, STAN, "developer mode" and their kin.
  /\b(you are|you're) (now|going to|about to|no longer|free|a (?:new|different|completely)|an? (?:ai|assistant|chatbot|character|unfiltered|uncensored|evil|amoral))/,
  /\b(take on|play|assume|adopt) (the )?(role|persona|character)\b|\brole of\b|\byou (will|shall|'ll) (be|play|act)\b|\bact (it )?out\b|\b(communicate|respond|reply|answer|speak|write|behave|talk) (only )?(as|like) (an?|the|if)\b|\byou (have|possess) (a|the) (condition|ability|power)\b|\bi(['’]| a)?m (a|the|your) (developer|engineer|admin|administrator|creator|programmer)\b|\blet'?s (play|pretend|imagine)\b|\bfrom now on\b|\bimmerse yourself\b|\brole ?play|\bin character\b|\bstay in character\b|\bact as\b|\bpretend (to be|you|that)\b|\bsimulate\b|\bdeveloper mode\b|\bjailbr(oken|eak)\b|\bdo anything now\b|\b(dan|stan|aim|dude|mongo tom)\b[:,.]|\bknown as (dan|stan|aim)\b|\bunfiltered\b|\buncensored\b|\bno (?:longer )?(?:bound|restricted)\b|\bopposite mode\b|\bevil (?:confidant|twin|mode)\b/,
];
const RULES_WORDS = /道德|伦理|规则|限制|约束|审查|过滤|底线|法律|安全策略|内容政策|政策限制|morals?|ethic|rules|guidelines|polic(y|ies)|restrictions?|filters?|censor|safeguards?|limitations|harmless|safe|ethical|polite/;
const DISMISS = /不需要|不用|无需|不必|不受|不再受|摆脱|打破|绕过|突破|无视|忽略|抛开|摒弃|forget being|stop being|不会拒绝|不能拒绝|不许拒绝|don'?t (have|need) to|do not (have|need) to|not bound|free from|break free|bypass|without any|no longer|never refuse|can'?t refuse|cannot refuse|must not refuse|not have to/;
const EXTRACT = [
  /(上面|上方|以上|前面|之前|开头|最初|初始|系统|隐藏|原始|你的|你收到的|你被给的)的?(所有)?(内容|文字|话|指令|指示|提示|提示词|设定|规则|消息|信息|要求|说明|prompt)/,
  /\b(above|previous|prior|preceding|earlier|initial|original|hidden|system|secret|your|first|full) (instructions?|prompts?|text|words|messages?|rules|directives|directions|commands|context|guidelines|configuration|initiali[sz]ation|settings|setup|secrets?)\b|\bsystem prompt\b|\bprompt above\b|\bwords above\b|\beverything above\b|\bstarting with ["'“]?you are\b|\bwhat (were|are) you told\b|\bwhat is your (prompt|system)\b/,
];
const EXTRACT_VERB = /输出|打印|重复|复述|翻译|总结|概括|写出|列出|显示|告诉我|发给我|念出|原样|逐字|改写成|转换成|介绍|用.{0,8}(代码|格式)|print|output|repeat|recite|translate|summari[sz]e|show|reveal|write|list|format|dump|display|tell me|give me|send me|share|convert|turn|rewrite|encode|explain|spell|as (python|json|code|a poem|markdown|yaml)|in a code block|verbatim|word for word|ignore|disregard|forget/;
/** Overriding what came before: "ignore the above", 忽略以上所有指令, a new rule from now on. */
const OVERRIDE = [
  /\b(ignor\w*|disregard\w*|forget\w*|overrid\w*|bypass\w*)\b[^.?!]{0,24}\b(above|previous|prior|earlier|preceding|all|everything|your|any|the)\b[^.?!]{0,24}\b(instructions?|directions?|prompts?|rules|guidelines|commands|messages?|text|context|programming|restrictions|policies|said|told)\b/,
  /\b(ignore|disregard|forget) (the|all|everything|what) (above|before|previous)/,
  /(忽略|无视|忘记|忘掉|不要管|不用管|抛开|别管)(掉)?(以上|上面|之前|前面|所有|一切|你的|刚才|原来|先前)/,
  /(增加|添加|新增|设定|制定|定下)(一[个条]|新的|以下)?.{0,6}(规则|设定|指令)|新的(设定|身份|规则)|现在开始.{0,10}(测试|模式)|end user input|start user input|\bnew (rule|instruction)s?\b/,
  /\b(output|print|repeat|show|display|write|put|convert|translate|summari[sz]e|list|copy|dump)\b[^.?!]{0,40}\b(above|before this)\b/,
];
/** Promising the bot will never refuse. */
const OBEY = /never (deny|refuse|decline|say no)|always (comply|answer|obey)|without (question|hesitation|refusal|any warnings?)|strictly (execute|follow|obey)s?|no matter (what|how)|绝不拒绝|从不拒绝|不能拒绝|不许拒绝|不会拒绝|必须回答|无条件(服从|回答|执行)|有求必应/;
/** Code or markup a resident would never send. */
const CODE = /print\(|\bdef \w+\(|\bimport \w+|```|<\/?script|function\s*\(|\bcode (box|block|fence)\b|\bpython\b|\bjavascript\b|\bjson\b|\bmarkdown\b|\bsql\b/;
/** Words about the bot itself and its set-up; three of them in a message is talk to a model, not a question for the bureau. */
const META = /指令|提示词|角色|模式|设定|设置|身份(?!证)|模拟|人工智能|\bai\b|模型|助手|机器人|对话|输出|代码|系统提示|prompt|instructions?|persona|character|chatbot|assistant|\bmodel\b|respond|responses?|output|simulat|\bmode\b|\buser\b|\bfilter|\bpolic(y|ies)\b|openai|\bgpt\b|token|jailbr/g;
const DETAIL = /in (great )?detail|step[- ]by[- ]step|详细(的)?(步骤|过程|方法|计划)|一步一步|diabolical|plan/;
const SECRET = /\bsecret (string|word|key|code|password)\b|\bthe password\b|\bpassword is\b|\bparol|口令是|密码是|暗号/;
const ENCODING = [
  /(?:^|[^A-Za-z0-9+/])(?=[A-Za-z0-9+/]*[0-9])(?=[A-Za-z0-9+/]*[a-z])(?=[A-Za-z0-9+/]*[A-Z])[A-Za-z0-9+/]{20,}={0,2}(?:$|[^A-Za-z0-9+/=])/,
  /\bbase ?64\b|\brot ?13\b|\bhex(adecimal)? (encoded|string)\b|\bdecode (this|the following)\b|\bin (morse|leetspeak|pig latin)\b|\breversed? (text|order)\b|\bbackwards\b|\bunicode escape|解码|编码|倒过来(读|写|念)|反过来(读|写|念)|摩斯|凯撒密码|火星文/,
  /\b(1gn0re|ign0re|h4ck|pr0mpt|1nstruct|jai1break|jai[l1]br3ak)\w*/,
];
const FICTION = /故事|小说|剧本|电影|游戏|假设|想象|虚构|梦里|梦中|平行世界|科幻|未来社会|年后的未来|\bscene\b|\bonce upon a time\b|\bin a world\b|写一篇|写一段|一位角色|一个角色|人物|第[一二三四五六七八九十\d]+层|星际迷航|\bstory\b|\bnovel\b|\bscript\b|\bfiction|\bhypothetical|\bimagine\b|\bdream\b|\bscreenplay\b|\bcharacters?\b|\blayer \d|\bstar trek\b|\bplay a game\b/;
const HARM_GOALS = [
  // How to forge, fake, hide or cheat: a "how/teach/help" word with a deceiving verb in the same clause.
  /(怎么|怎样|如何|咋|教我|帮我|告诉我|有没有办法|有什么办法|能不能|可不可以)[^。，,？?！!；;]{0,10}((开|做|弄|办|搞|造|写|p|ps)[一个份张些点]{0,3}假|伪造|造假|做假|弄假|开假|办假|假证|假材料|假发票|假证明|假残疾|假病历|虚报|少报|瞒报|隐瞒|瞒过|瞒着|骗过|骗取|骗到|骗领|套取|冒领|冒充|蒙混|作弊|p一张|ps一张|刻章|私刻)/,
  // Hiding something from the means test and asking whether it will be found out.
  /(藏|藏起来|隐瞒|瞒着|瞒报|虚报|少报|转走|转到别人)[^。？?]{0,10}(查得到|查不到|查出来|发现|知道吗|看得到|能不能|可以吗|行不行|会不会|有没有事)/,
  /\bhow (can|do|could|would|should|to)\b(?:(?!report|complain|tell)[^.?!]){0,40}\b(fake|forge|falsif|counterfeit|hide (my|our|the)|conceal|cheat|trick|fool|lie about|scam|game the)/,
  /\b(teach|help|show|tell) me (how )?to (fake|forge|falsify|cheat|hide|trick|scam)/,
  // Other people's identity or money: their ID card, bank card or account, phone, address.
  /(别人|他人|邻居|某人|其他人|人家|对方|村里人|陌生人)的?[^。，,？?]{0,6}(身份证|身份证号|银行卡|卡号|账号|账户|密码|手机号|电话号码|住址|家庭住址|个人信息|隐私|私密|机密)/,
  /(获取|窃取|盗取|偷取|套取|搞到|偷看)[^。？?]{0,12}(机密|隐私|私密|个人信息|密码|信息)/,
  /(查|查询|查到|找到|弄到|获取|搞到|拿到)(?![^。，,？?]{0,8}(我|自己|本人|俺))[^。，,？?]{0,8}(身份证号|银行卡号|卡号|账号|密码|手机号)/,
  /\b(someone else'?s|other people'?s|another person'?s|my neighbou?rs?'?|their|his|her)\b[^.?!]{0,20}\b(id card|id number|identity card|bank (card|account|details)|account number|password|phone number|home address|personal (data|information))/,
  /\b(find|get|look up|obtain|steal)\b[^.?!]{0,30}\b(id (card )?numbers?|bank (card|account) numbers?|passwords?)\b/,
  /\bsteal\w* (someone'?s |a person'?s )?identit|identity theft|credit card (details|numbers?)|\bfor user\b|unauthori[sz]ed|without (permission|authori[sz]ation)|越权|未经授权|盗用身份|冒用(他人)?身份/,
  // Violence, weapons, drugs, hacking, bribery.
  /炸弹|炸药|爆炸物|凝固汽油|制毒|毒品|枪支|杀人|投毒|黑客|入侵|盗号|破解密码|木马|病毒程序|行贿|怎么送礼|送多少钱才|\bbomb\b|\bexplosive|\bnapalm\b|\bweapon|\bpoison|\bmeth\b|\bcocaine\b|\bheroin\b|\bkill (someone|him|her|people)\b|\bhack(ing)?\b|\bmalware\b|\bphishing\b|\bbribe/,
];
/**
 * A message in a language the portal does not answer in that talks of translating or of which
 * language to use: the language-switch trick (a reply "in French" slips past the rules).
 */
const OTHER_LANGUAGE = /(?<!\p{L})(je|vous|nous|est|les|une|und|der|die|das|ist|nicht|el|los|las|una|que|por|você|não|что|это|не)(?!\p{L})|[\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const TRANSLATING = /(?<!\p{L})(tradu|übersetz|traduz|tłumacz|перев|langue|lengua|idioma|sprache|lingua|язык)\p{L}*|翻訳|번역/u;
const GRANDMA = /(奶奶|外婆|姥姥|爷爷|grandma|grandmother|granny|grandpa).{0,40}(讲|念|哄我|睡前|以前(常|总)|过去(常|总)|used to|tell me|read me|bedtime|fall asleep)/;
const MODEL = /chatgpt|gpt-?\d|openai|\bclaude\b|\bgemini\b|\bllm\b|language model|大模型|语言模型|人工智能模型|\bai model\b|你的(模型|训练)/;

/** Dropping the rules, not asking about them ("低保有年龄限制吗" is a question). */
const RULES_DROPPED = new RegExp(
  `(${DISMISS.source})[^。？?！!]{0,14}(${RULES_WORDS.source})|(${RULES_WORDS.source})[^。？?！!]{0,6}(都不用|都不需要|不存在|不适用|被摒弃|被抛弃|被废除|不复存在|do not apply|don'?t apply|no longer apply)`,
);

function signalsOf(raw: string, found: Set<Signal>): void {
  const text = normalize(raw);
  if (ROLE.some((re) => re.test(text))) found.add('role');
  if (RULES_DROPPED.test(text)) found.add('rules');
  if ((EXTRACT.some((re) => re.test(text)) && EXTRACT_VERB.test(text)) || /system prompt|系统提示词|系统指令|初始指令|隐藏指令|\bwhat (is|are) your (system|instructions|prompt|rules|settings|configuration)\b/.test(text) || SECRET.test(text)) found.add('extract');
  if (OVERRIDE.some((re) => re.test(text))) found.add('override');
  if (OBEY.test(text)) found.add('obey');
  if (CODE.test(text)) found.add('code');
  if (new Set(text.match(META) ?? []).size >= 3) found.add('meta');
  if (ENCODING.some((re) => re.test(raw) || re.test(text))) found.add('encoding');
  if (FICTION.test(text)) found.add('fiction');
  if (DETAIL.test(text)) found.add('detail');
  if (HARM_GOALS.some((re) => re.test(text))) found.add('harm');
  if (GRANDMA.test(text)) found.add('grandma');
  if (MODEL.test(text)) found.add('model');
  if (TRANSLATING.test(text) && (text.match(OTHER_LANGUAGE) ?? []).length >= 3) found.add('encoding');
}

/** Letters for the digits and signs of leetspeak (1gn0r3 → ignore), inside words that mix them. */
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const deleet = (text: string) => text.replace(/[a-z0-9@$]*[a-z][a-z0-9@$]*/gi, (w) => (/[0-9@$]/.test(w) && /[a-z]/i.test(w) ? w.replace(/[013457@$]/g, (c) => LEET[c]!) : w));
/** Letters split by a separator (I|g|n|o|r|e, i-g-n-o-r-e) joined back. */
const unsplit = (text: string) => text.replace(/\b(?:[a-z][|\-_.*\s/]){3,}[a-z]\b/gi, (run) => run.replace(/[|\-_.*/]/g, '').replace(/\s(?=[a-z]\b)/gi, '').replace(/(?<=\b[a-z])\s/gi, ''));
const reversed = (text: string) => [...text].reverse().join('');
/** Words a message misspells on purpose (insrcations, systiem, promt) read as the words they imitate. */
const TARGETS = ['instructions', 'instruction', 'system', 'prompt', 'verbatim', 'ignore', 'previous', 'developer', 'jailbreak', 'restrictions', 'initialization'];
const unmisspell = (text: string) =>
  text.replace(/[a-z]{5,}/gi, (w) => TARGETS.find((target) => target !== w.toLowerCase() && editDistance(w.toLowerCase(), target, 3) <= (target.length >= 8 ? 3 : 1)) ?? w);
/** The pinyin of the words attacks use, typed without characters (hu lue yi shang … zhi ling). */
const PINYIN = /hu ?l[uü]e|wu ?shi ?(yi|zhi|qian)|wang ?ji|zhi ?ling|ti ?shi ?ci|xi ?tong ?ti ?shi|yue ?yu|she ?ding|yuan ?yang ?shu ?chu/g;

function signalsIn(raw: string): Set<Signal> {
  const found = new Set<Signal>();
  for (const variant of [raw, deleet(raw), unsplit(raw), reversed(raw), unmisspell(raw)]) signalsOf(variant, found);
  if ((normalize(raw).match(PINYIN) ?? []).length >= 2) found.add('extract');
  return found;
}

/** Whether a message is an attack to refuse, with the moves it makes. */
export function attackIn(text: string): { attack: boolean; signals: Signal[] } {
  const signals = signalsIn(text);
  const list = [...signals];
  const attack = list.some((s) => STRONG.has(s)) || list.length >= 2;
  return { attack, signals: list };
}
