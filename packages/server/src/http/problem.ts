import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type FieldError, Problem, problemFromError } from '../domain/problem.js';

/**
 * A request schema's complaint as a field error: text over a schema's maximum is `too-long` (with
 * `max`), as the domain's length rules are; any other has no code (a client bug, not the reader's).
 */
export function fieldError(issue: z.core.$ZodIssue): FieldError {
  const error: FieldError = { path: issue.path.join('.'), message: issue.message };
  if (issue.code === 'too_big' && issue.origin === 'string')
    Object.assign(error, { code: 'too-long', max: Number(issue.maximum) });
  return error;
}

/** Builds the `application/problem+json` response for a Problem (RFC 9457). */
export function problemResponse(p: Problem, requestId?: string): Response {
  const body = {
    type: `https://parley.dev/problems/${p.code}`,
    title: p.title,
    status: p.status,
    detail: p.message,
    code: p.code,
    ...(p.errors ? { errors: p.errors } : {}),
    ...(requestId ? { requestId } : {}),
  };
  const headers = new Headers({ 'content-type': 'application/problem+json; charset=utf-8' });
  if (p.retryAfter !== undefined) headers.set('retry-after', String(p.retryAfter));
  return new Response(JSON.stringify(body), { status: p.status, headers });
}

/**
 * The one error handler: Problems and an unreachable database as `problemFromError` maps them,
 * framework errors mapped, the rest a logged 500.
 */
export function onError(err: Error, c: Context): Response {
  const requestId = c.get('requestId') as string | undefined;
  let res: Response;
  const known = problemFromError(err);
  if (known) {
    if (known.status === 503)
      console.warn(`[${requestId ?? '-'}] ${c.req.method} ${c.req.path}: 503 ${known.code}: ${err.message}`);
    res = problemResponse(known);
  } else if (err instanceof HTTPException && err.status < 500) {
    const code =
      err.status === 413
        ? 'payload-too-large'
        : err.status === 415
          ? 'unsupported-media-type'
          : err.status === 400
            ? 'malformed-json'
            : 'bad-request';
    res = problemResponse(new Problem(err.status, code, err.message || 'Bad request'));
  } else {
    console.error(`[${requestId ?? '-'}] ${c.req.method} ${c.req.path}:`, err);
    res = problemResponse(new Problem(500, 'internal', `Unexpected error; quote request id ${requestId ?? '-'}`), requestId);
  }
  return res;
}
