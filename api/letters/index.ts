export { anonymise, LETTER_LIMITS, LETTERS_TOPIC, LetterService, type Letter, type PublishedLetter } from './service.ts';
export { KINDS, letterInput, URGENCIES, type Kind, type LetterInput } from './schema.ts';
export { lettersRoutes } from './routes.ts';
export { figuresPage, letterFormData, LETTERS_PER_PAGE, lookUpForm, publishedLetter, publishedPage, readLetterForm, replyPromise, staffLetterAction, staffLetterPage, staffLettersPage, statusView, townsOf, type LetterForm, type LetterFormValues, type LookUp, type StaffLetterResult } from './pages.ts';
export { isLetterDocument, letterDocuments } from './documents.ts';
