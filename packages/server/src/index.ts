/** Public entry of @parley/server for embedding the comment server in another Node program. */

export { readConfig, type ServerConfig } from './config.js';
export { CommentService } from './domain/comments.js';
export { Problem } from './domain/problem.js';
export { buildSite, DEFAULT_SETTINGS } from './domain/sites.js';
export { type AppOptions, createApp } from './http/app.js';
export { type RunningServer, startServer } from './server.js';
export { openStorage } from './storage/open.js';
export type * from './storage/types.js';
