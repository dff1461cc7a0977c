import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { isUnavailable } from './unavailable.ts';
import { log } from './log.ts';

/** The one error shape every endpoint answers with: `{"error": {"code", "message", "fields"?}}`. */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** An expected failure: thrown anywhere, answered by `onError` in the shared shape. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** Seconds the client should wait before trying again (sent as `Retry-After`). */
    readonly retryAfter?: number,
  ) {
    super(status, { message });
  }
}

/**
 * Whether `error` is an ApiError. Checked by shape, not `instanceof`: the pages' server bundle
 * carries its own copy of this module, so its class is not the one the shared services throw.
 */
export function isApiError(error: unknown): error is ApiError {
  const e = error as Partial<ApiError> | undefined;
  return error instanceof Error && typeof e?.status === 'number' && typeof e.code === 'string';
}

export function errorBody(code: string, message: string, fields?: Record<string, string>): ApiErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/** Each bad field of a zod failure with its problem, named by its path (`members.0.disability.kind`). */
export function fieldsOf(error: ZodError, whole: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] ??= 'unknown field';
      continue;
    }
    if (issue.code === 'invalid_union') {
      // Name the deepest field of the closest alternative, e.g. members.0.disability.kind.
      const inner = issue.unionErrors.flatMap((e) => e.issues).sort((a, b) => b.path.length - a.path.length)[0];
      if (inner) {
        fields[inner.path.join('.') || whole] ??= inner.message;
        continue;
      }
    }
    fields[issue.path.join('.') || whole] ??= issue.message;
  }
  return fields;
}

/** The one validation hook of every route: a failure answers 400 naming every bad field. */
export function validationHook(result: { success: true } | { success: false; error: ZodError; target?: string }): void {
  if (result.success) return;
  const target = result.target ?? 'request';
  const fields = fieldsOf(result.error, target === 'json' ? 'body' : target);
  throw new ApiError(400, 'invalid_request', `Invalid ${target === 'json' ? 'body' : target}: ${Object.keys(fields).join(', ')}`, fields);
}

/**
 * A write refused by the disk under the store: full, read-only, failing (the SQLite or PostgreSQL
 * driver's error, or the 503 `refusedWrite` made of it).
 */
export function cannotWrite(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  return /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)/.test(code) || ['53100', '25006', '58030', 'store_cannot_write'].includes(code);
}

/**
 * The store's one translation of a write its disk refused: a 503 every caller can answer (the API
 * in the error shape, a page form by giving back what was typed), the driver's error as its cause.
 * Any other error is returned as it is.
 */
export function refusedWrite(error: unknown): unknown {
  if (!cannotWrite(error) || isApiError(error)) return error;
  log(`store cannot write: ${(error as { code?: string }).code} ${(error as Error).message}`);
  const refused = new ApiError(503, 'store_cannot_write', 'The portal cannot save anything just now (its disk is full or read-only). Nothing was saved; reading still works. Please try again later.', undefined, 60);
  refused.cause = error;
  return refused;
}

/** Answers any thrown error in the shared shape; unexpected ones become a 500 without details. */
export function onError(error: Error, c: Context): Response {
  if (error instanceof ApiError) {
    if (error.retryAfter) c.header('Retry-After', String(error.retryAfter));
    return c.json(errorBody(error.code, error.message, error.fields), error.status);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? 'payload_too_large' : status === 404 ? 'not_found' : 'bad_request';
    const message = error.message || 'The request could not be handled.';
    // Hono's own body parsing failures ("Malformed JSON in request body") concern the body.
    return c.json(errorBody(code, message, /body|JSON/i.test(message) ? { body: message } : undefined), status);
  }
  // The search engine did not answer (a Meilisearch server gone): pages and writes go on.
  if ((error as { code?: string }).code === 'SEARCH_UNAVAILABLE') {
    log(`search unavailable: ${error.message}`);
    c.header('Retry-After', '5');
    return c.json(errorBody('search_unavailable', 'Search is not available just now; the pages and the directory still are. Please try again in a moment.'), 503);
  }
  // The store went away (a restart, a failover): say so, and let the client try again.
  if (isUnavailable(error)) {
    log(`store unavailable: ${error.message}`);
    c.header('Retry-After', '5');
    return c.json(errorBody('store_unavailable', 'The portal’s records are not reachable just now. Nothing was saved; please try again in a moment.'), 503);
  }
  log(`unexpected error: ${error.name} ${error.message}`);
  return c.json(errorBody('internal', 'Something went wrong on our side. Please try again.'), 500);
}

/** No endpoint at this address: 404 in the shared shape. */
export function notFound(c: Context): Response {
  return c.json(errorBody('not_found', `No API endpoint at ${c.req.method} ${c.req.path}`), 404);
}
