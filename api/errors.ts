import type { Context, ValidationTargets } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { validator } from 'hono/validator';
import type { z } from 'zod';

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

/** Answers any thrown error in the shared shape; unexpected ones become a 500 without details. */
export function errorResponse(error: Error, c: Context): Response {
  if (error instanceof ApiError) {
    return c.json(errorBody(error.code, error.message, error.fields), error.status);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? 'payload_too_large' : status === 404 ? 'not_found' : 'bad_request';
    const message = error.message || 'The request could not be handled.';
    // Hono's own body parsing failures ("Malformed JSON in request body") concern the body.
    return c.json(errorBody(code, message, /body|JSON/i.test(message) ? { body: message } : undefined), status);
  }
  console.error('unexpected error:', error.name, error.message);
  return c.json(errorBody('internal', 'Something went wrong on our side. Please try again.'), 500);
}

/**
 * Validates one part of the request with a zod schema. A failure answers 400 with every bad field
 * named (`fields: {"limit": "Number must be greater than or equal to 0"}`).
 */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodTypeAny>(
  target: Target,
  schema: Schema,
) {
  return validator(target, (value): z.output<Schema> => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const fields: Record<string, string> = {};
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) fields[[...issue.path, key].join('.')] ??= 'unknown field';
        continue;
      }
      if (issue.code === 'invalid_union') {
        // Name the deepest field of the closest alternative, e.g. members.0.disability.kind.
        const inner = issue.unionErrors.flatMap((e) => e.issues).sort((a, b) => b.path.length - a.path.length)[0];
        if (inner) {
          fields[inner.path.join('.') || target] ??= inner.message;
          continue;
        }
      }
      const name = issue.path.join('.') || target;
      fields[name] ??= issue.message;
    }
    throw new ApiError(400, 'invalid_request', `Invalid ${target}: ${Object.keys(fields).join(', ')}`, fields);
  });
}
