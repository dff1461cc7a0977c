// Staff form with JavaScript: the description preview follows the typing (rendered by the server,
// with the same allow-list as the published page), and focus goes to the error summary so a
// screen reader hears what to fix. Without this script the "Preview" button does the same.

const summary = document.querySelector<HTMLElement>('[data-error-summary]');
summary?.focus();

const form = document.querySelector<HTMLFormElement>('[data-event-form]');
const sources = form ? [...form.querySelectorAll<HTMLTextAreaElement>('[data-preview-source]')] : [];

async function render(source: HTMLTextAreaElement) {
  const lang = source.dataset.previewSource!;
  const target = document.querySelector<HTMLElement>(`[data-preview="${lang}"]`);
  if (!target) return;
  if (!source.value.trim()) {
    if (lang === 'en') target.hidden = true;
    return;
  }
  const response = await fetch('/api/events/preview', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ markdown: source.value.slice(0, 5000) }),
  }).catch(() => undefined);
  // On a failure (signed out, offline) the preview button still works.
  if (!response?.ok) return;
  target.innerHTML = ((await response.json()) as { html: string }).html;
  target.hidden = false;
}

for (const source of sources) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  source.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void render(source), 300);
  });
}
// Live preview makes the button redundant, and Enter in a field should save, not preview.
const button = document.querySelector<HTMLElement>('[data-preview-button]');
if (button && sources.length) button.hidden = true;

export {};
