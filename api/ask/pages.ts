// The chat page without JavaScript: the form posts here and the answer comes back as a page.
import type { Lang } from '../../content/schemas/index.ts';
import type { Bot, BotAnswer } from './bot.ts';
import { MAX_QUESTION } from './routes.ts';

export async function askPage(bot: Bot | undefined, lang: Lang, request: Request): Promise<{ question: string; answer?: BotAnswer }> {
  if (request.method !== 'POST' || !bot) return { question: '' };
  const form = await request.formData().catch(() => new FormData());
  const question = String(form.get('question') ?? '').trim().slice(0, MAX_QUESTION);
  return { question, answer: question ? await bot.answer(question, { lang }) : undefined };
}
