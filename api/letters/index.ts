export { anonymise, LetterService, type Letter } from './service.ts';
export { KINDS, letterInput, type Kind, type LetterInput } from './schema.ts';
export { lettersRoutes } from './routes.ts';
