export { toCalendar } from './calendar.ts';
export { label, parseDate, parseTime, toInput, type EventFormValues, type FormErrors } from './form.ts';
export { cancelPage, eventDays, eventFormPage, eventPage, eventsListPage, staffEvents, type EventCard } from './pages.ts';
export { plainText, renderMarkdown } from './render.ts';
export { eventsRoutes } from './routes.ts';
export { AUDIENCES, type EventInput, type EventRecord } from './schema.ts';
export { EventService } from './service.ts';
export { EventStore } from './store.ts';
