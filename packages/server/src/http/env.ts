import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Caller, CommentService } from '../domain/comments.js';
import type { PostGuard } from '../domain/post-guard.js';

/** What routes can read from the context. */
export interface AppEnv {
  Variables: { requestId: string };
}

/** Everything a route module needs, handed over by `createApp`. */
export interface RouteDeps {
  service: CommentService;
  caller: (c: Context) => Caller;
  /** Bans and closed threads, checked before a public post (see `domain/post-guard.ts`). */
  guard?: PostGuard;
}

export type App = OpenAPIHono<AppEnv>;
