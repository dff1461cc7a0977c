// The HTTP plumbing every feature shares. It imports no feature.
export { absolute, calendarPath, entryPaths, eventCalendarPath, FEED_PATH, href, langPaths, originOf, printedOrigin, tel } from './addresses.ts';
export { clientAddress, nodeClientAddress, trustProxies, type Trust } from './client.ts';
export { DistrictClock, readableDate, WEEKDAYS, type Weekday } from './clock.ts';
export { ConfigError, ENV_FILE, loadConfig, type Config } from './config.ts';
export { elderCookie, elderOn, ELDER_COOKIE, SESSION_COOKIE, SESSION_HOURS, sessionCookie } from './cookies.ts';
export { DailyCounter } from './counters.ts';
export { openDb, type Db } from './db.ts';
export { ApiError, errorBody, fieldsOf, isApiError, notFound, onError, validationHook, type ApiErrorBody } from './errors.ts';
export { Limiter } from './limits.ts';
export { log, redact } from './log.ts';
export { createRoute, createRouter, dayParam, errors, ErrorSchema, json, jsonBody, langParam, momentParam, z } from './openapi.ts';
export { isCrossOrigin, sameOrigin } from './origin.ts';
