// The chat with JavaScript: answers stream in from /api/ask (SSE) below each question, with their
// sources, and a thumbs up / down that is counted, nothing more. Without this script the forms
// post to the page and the answer comes back rendered by the server.

interface Citation {
  title: string;
  url: string;
  quote: string;
}
interface Answer {
  status: string;
  answer: string;
  label: string;
  citations: Citation[];
  links: { title: string; url: string }[];
}

const chat = document.querySelector<HTMLElement>('[data-chat]');
const box = document.querySelector<HTMLTextAreaElement>('#question');
const words = JSON.parse(chat?.dataset.i18n ?? '{}') as Record<string, string>;
const history: { role: 'user' | 'assistant'; content: string }[] = [];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function paragraphs(text: string): HTMLElement[] {
  return text.split('\n').filter(Boolean).map((line) => el('p', { textContent: line }));
}

function finish(article: HTMLElement, body: HTMLElement, answer: Answer) {
  article.dataset.status = answer.status;
  // The label says where an answer's words come from; the portal's own fixed replies quote nothing.
  const label = article.querySelector<HTMLElement>('.label')!;
  label.textContent = answer.label;
  label.hidden = answer.citations.length === 0;
  body.replaceChildren(...paragraphs(answer.answer));
  // Where to go next comes straight after the answer, as on the page the server renders.
  if (answer.links.length > 0) {
    const list = el('ul', {}, ...answer.links.map((l, i) => el('li', {}, el('a', { href: l.url, textContent: l.title, className: i === 0 ? 'button primary' : 'button' }))));
    body.after(el('section', { className: 'more' }, el('h2', { textContent: words.more ?? '' }), list));
  }
  if (answer.citations.length > 0) {
    const list = el('ol');
    for (const c of answer.citations) list.append(el('li', {}, el('a', { href: c.url, textContent: c.title }), el('blockquote', { textContent: c.quote })));
    article.append(el('section', { className: 'sources' }, el('h2', { textContent: words.sources ?? '' }), list));
  }
  const thanks = el('span', { className: 'meta', textContent: '' });
  const vote = (v: 'up' | 'down') => async () => {
    await fetch('/api/ask/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ vote: v }) });
    feedback.querySelectorAll('button').forEach((b) => (b.disabled = true));
    thanks.textContent = words.thanks ?? '';
  };
  const up = el('button', { type: 'button', textContent: `👍 ${words.up}` });
  const down = el('button', { type: 'button', textContent: `👎 ${words.down}` });
  up.addEventListener('click', vote('up'));
  down.addEventListener('click', vote('down'));
  const feedback = el('p', { className: 'feedback' }, `${words.helpful} `, up, ' ', down, ' ', thanks);
  article.append(feedback);
}

async function ask(question: string) {
  if (!chat) return;
  const body = el('div', { className: 'answer-text' }, el('p', { textContent: words.thinking ?? '' }));
  const article = el('article', { className: 'answer' }, el('p', { className: 'asked' }, el('strong', { textContent: `${words.you}: ` }), question), el('p', { className: 'label badge' }), body);
  chat.append(article);
  article.scrollIntoView({ block: 'start' });
  try {
    const res = await fetch('/api/ask', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ question, lang: chat.dataset.lang, history: history.slice(-6) }),
    });
    if (!res.ok || !res.body) throw new Error(String(res.status));
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let streamed = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = raw.match(/^event: (.*)$/m)?.[1];
        const data = raw.match(/^data: (.*)$/m)?.[1] ?? '';
        if (event === 'token') {
          streamed += (JSON.parse(data) as { text: string }).text;
          body.replaceChildren(...paragraphs(streamed));
        } else if (event === 'done') {
          const answer = JSON.parse(data) as Answer;
          finish(article, body, answer);
          history.push({ role: 'user', content: question }, { role: 'assistant', content: answer.answer });
        }
      }
    }
  } catch {
    body.replaceChildren(el('p', { textContent: words.error ?? '' }));
  }
}

if (chat && box) {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-ask-form]')) {
    form.addEventListener('submit', (event) => {
      const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
      const question = (submitter?.name === 'question' ? submitter.value : box.value).trim();
      if (!question) return;
      event.preventDefault();
      box.value = '';
      void ask(question);
    });
  }
}

export {};
