export { Bot, botMode, type BotAnswer, type Status } from './bot.ts';
export { askPage } from './pages.ts';
export { askRoutes, MAX_QUESTION, type AskDeps } from './routes.ts';
export { route, stripPersonalNumbers } from './routing.ts';
