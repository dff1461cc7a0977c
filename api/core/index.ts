// The HTTP plumbing every feature shares. It imports no feature.
export { absolute, BUILD_ORIGIN, calendarPath, CONSULTATIONS_FEED_PATH, entryPaths, eventCalendarPath, FEED_PATH, href, langPaths, originOf, printedOrigin, tel } from './addresses.ts';
export { readBody, unreadRequest } from './body.ts';
export { clientAddress, nodeClientAddress, perClient, trustProxies, type Trust } from './client.ts';
export { DistrictClock, readableDate } from './clock.ts';
export { ConfigError, ENV_FILE, loadConfig, type Config } from './config.ts';
export { elderCookie, elderOn, ELDER_COOKIE, SESSION_COOKIE, SESSION_HOURS, sessionCookie } from './cookies.ts';
export { DailyCounter } from './counters.ts';
export { DATA_POLICY, pagePolicy } from './csp.ts';
export { isUnavailable, migrate, openDb, type Db, type Engine, type Queries } from './db.ts';
export { ApiError, cannotWrite, isApiError, notFound, onError } from './errors.ts';
export { Limiter } from './limits.ts';
export { log, redact } from './log.ts';
export { createRoute, createRouter, dayParam, errors, json, jsonBody, langParam, limitBody, momentParam, notModified, RESIDENT_BODY_BYTES, RESIDENT_WRITES, STAFF_BODY_BYTES, withBodyLimits, z } from './openapi.ts';
export { isCrossOrigin, sameOrigin } from './origin.ts';
export { entityTag, stillFresh } from './validators.ts';
export { KEY_FILE, Sealer } from './sealed.ts';
