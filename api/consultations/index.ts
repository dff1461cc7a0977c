export { compareArticles, wordDiff, type ComparedArticle, type Piece } from './compare.ts';
export { consultationsRoutes, consultationView, publicComment } from './routes.ts';
export { COMMENT_LIMITS, ConsultationService, type Comment, type Consultation } from './service.ts';
export { adoptionInput, commentInput, OUTCOMES, SOURCES, STANCES, STATUSES, type AdoptionInput, type ConsultationStatus, type Outcome, type Stance } from './schema.ts';
export { articleAnchor, consultationList, consultationPage, openOn, readCommentForm, reportComment, type CommentForm, type CommentFormValues } from './pages.ts';
export { CONVENTIONS_TOPIC, ConventionVersions, ofConvention } from './versions.ts';
export { articleNumber, conventionsFor, draftText, manageAction, managePage, openConsultationForm, parseDraft, staffConsultations, type FormResult } from './staff.ts';
export { consultationDocuments, consultationPassages, isConsultationDocument } from './documents.ts';
