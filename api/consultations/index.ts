export { compareArticles, wordDiff, type ComparedArticle, type Piece } from './compare.ts';
export { consultationsRoutes, consultationView, publicComment } from './routes.ts';
export { COMMENT_LIMITS, ConsultationService, type Comment, type Consultation } from './service.ts';
export { OUTCOMES, SOURCES, STANCES, STATUSES, type ConsultationStatus, type Outcome, type Stance } from './schema.ts';
export { articleAnchor, consultationList, consultationPage, openOn, readCommentForm, type CommentForm, type CommentFormValues } from './pages.ts';
