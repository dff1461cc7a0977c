// Results as you type on the search page, from /api/search, in the markup the server renders.
// Without this script the page is a plain GET form and works the same, one search at a time.

interface Hit {
  title: string;
  url: string;
  type: string;
  snippet: string;
  date?: string;
}
interface Answer {
  total: number;
  hits: Hit[];
  facets: { type: Record<string, number> };
}

const input = document.querySelector<HTMLInputElement>('input[data-live]');
const results = document.querySelector<HTMLElement>('[data-search-results]');
const strings = document.querySelector<HTMLElement>('[data-i18n-results]');
const noneTemplate = document.querySelector<HTMLElement>('[data-none-template]');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Node[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

if (input && results && strings && noneTemplate) {
  const lang = results.dataset.lang ?? 'zh';
  const types = JSON.parse(strings.dataset.i18nTypes ?? '{}') as Record<string, string>;
  const filters = new URLSearchParams(location.search);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  const render = (q: string, answer: Answer) => {
    results.replaceChildren();
    if (answer.total === 0) {
      const none = noneTemplate.firstElementChild!.cloneNode(true) as HTMLElement;
      none.querySelector('[data-none-title]')!.textContent = (strings.dataset.i18nNone ?? '').replace('{q}', q);
      results.append(none);
      return;
    }
    results.append(el('p', { className: 'meta', textContent: (strings.dataset.i18nResults ?? '').replace('{n}', String(answer.total)) }));
    const list = el('ol', { className: 'results' });
    for (const hit of answer.hits) {
      const snippet = el('p');
      snippet.innerHTML = hit.snippet; // escaped by the server except for <mark>
      const day = hit.date ? ` · ${new Date(hit.date).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: results.dataset.zone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' })}` : '';
      list.append(el('li', {}, el('a', { href: hit.url, textContent: hit.title }), el('span', { className: 'meta', textContent: ` · ${types[hit.type] ?? hit.type}${day}` }), snippet));
    }
    results.append(list);
  };

  const run = async () => {
    const q = input.value.trim();
    const url = new URL(location.href);
    url.searchParams.set('q', q);
    url.searchParams.delete('page');
    history.replaceState(null, '', url);
    if (!q) return;
    const ticket = ++latest;
    const params = new URLSearchParams({ q, lang });
    for (const key of ['type', 'town']) if (filters.get(key)) params.set(key, filters.get(key)!);
    const res = await fetch(`/api/search?${params}`);
    if (!res.ok || ticket !== latest) return;
    render(q, (await res.json()) as Answer);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });

  // Keyboard: "/" jumps to the box; arrows walk the results; Escape goes back to the box.
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
    if (event.key === '/' && !typing) {
      event.preventDefault();
      input.focus();
      input.select();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Escape') return;
    const links = [...results.querySelectorAll<HTMLAnchorElement>('ol.results > li > a')];
    const index = links.indexOf(target as HTMLAnchorElement);
    if (event.key === 'Escape' && index >= 0) {
      input.focus();
    } else if (event.key === 'ArrowDown' && (target === input || index >= 0) && links.length > 0) {
      event.preventDefault();
      links[Math.min(index + 1, links.length - 1)]!.focus();
    } else if (event.key === 'ArrowUp' && index >= 0) {
      event.preventDefault();
      (index === 0 ? input : links[index - 1]!).focus();
    }
  });
}

export {};
