// The MIIT age-friendly rules (互联网网站适老化通用设计规范, 2021) as checks a page runs on itself:
// text size, line height, tap-target size, and nothing that moves or pops up. (Contrast ≥ 7:1 is
// axe's `color-contrast-enhanced` rule, run beside these.)
import type { Page } from 'playwright-core';

export interface AgeFriendlyRules {
  /** Smallest text, CSS px. */
  minText: number;
  /** Smallest line height, as a multiple of the font size. */
  minLineHeight: number;
  /** Smallest tap target, CSS px each way. */
  minTarget: number;
}

export const ELDER: AgeFriendlyRules = { minText: 18, minLineHeight: 1.3, minTarget: 60 };
export const NORMAL: AgeFriendlyRules = { minText: 16, minLineHeight: 1.3, minTarget: 44 };

// Plain JavaScript, run in the page as it is written (no TypeScript helpers reach the browser).
const CHECK = `(r) => {
    const problems = [];
    const visible = (el) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && !el.closest('[hidden], .visually-hidden, [aria-hidden="true"]');
    };
    const name = (el) => \`\${el.tagName.toLowerCase()}\${el.id ? \`#\${el.id}\` : ''}\${el.className && typeof el.className === 'string' ? \`.\${el.className.trim().split(/\s+/).join('.')}\` : ''} “\${(el.textContent ?? '').trim().slice(0, 24)}”\`;
    const add = (rule, el, detail) => {
      if (problems.filter((p) => p.startsWith(rule)).length < 4) problems.push(\`\${rule}: \${name(el)} \${detail}\`);
    };
    for (const el of document.body.querySelectorAll('*')) {
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!hasText || !visible(el) || el.closest('script, style, noscript, svg')) continue;
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      if (size < r.minText) add('text', el, \`\${size}px < \${r.minText}px\`);
      const line = style.lineHeight === 'normal' ? 1.2 * size : parseFloat(style.lineHeight);
      if (line / size < r.minLineHeight - 0.001) add('line height', el, \`\${(line / size).toFixed(2)} < \${r.minLineHeight}\`);
    }
    // Targets: controls, and links that stand alone (a link inside a sentence is exempt, as WCAG's inline exception).
    const inSentence = (a) => {
      const block = a.parentElement;
      return block ? (block.textContent ?? '').trim().length > (a.textContent ?? '').trim().length + 1 && !block.matches('nav *, .inline, .inline *') : false;
    };
    for (const el of document.body.querySelectorAll('a[href], button, input, select, textarea, summary, label.choice')) {
      if (!visible(el)) continue;
      if (el.matches('input[type=checkbox], input[type=radio]') && el.closest('label.choice')) continue; // the label is the target
      if (el.matches('input[type=hidden]')) continue;
      if (el.matches('a') && inSentence(el)) continue;
      if (el.matches('.skip')) continue;
      const box = el.getBoundingClientRect();
      if (box.width < r.minTarget - 0.5 || box.height < r.minTarget - 0.5) add('target', el, \`\${Math.round(box.width)}×\${Math.round(box.height)} < \${r.minTarget}×\${r.minTarget}\`);
    }
    const moving = document.getAnimations().filter((a) => a.playState === 'running');
    if (moving.length > 0) problems.push(\`moves: \${moving.length} running animation(s)\`);
    if (document.querySelector('marquee, blink, video[autoplay], audio[autoplay], dialog[open]')) problems.push('moves: something plays or pops up by itself');
    return problems;
}`;

/** What breaks the rules on the page, one line each (at most a few per rule). */
export async function ageFriendlyProblems(page: Page, rules: AgeFriendlyRules): Promise<string[]> {
  return page.evaluate(`(${CHECK})(${JSON.stringify(rules)})`) as Promise<string[]>;
}
