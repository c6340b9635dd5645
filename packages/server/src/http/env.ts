import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Caller, CommentService } from '../domain/comments.js';

/** What routes can read from the context. */
export interface AppEnv {
  Variables: { requestId: string };
}

/** Everything a route module needs, handed over by `createApp`. */
export interface RouteDeps {
  service: CommentService;
  caller: (c: Context) => Caller;
}

export type App = OpenAPIHono<AppEnv>;
