export { Bot, botMode, type BotAnswer } from './bot.ts';
export { askPage } from './pages.ts';
export { askRoutes, MAX_QUESTION } from './routes.ts';
export { route } from './routing.ts';
