/** @parley/widget for bundler users: importing defines the elements. */

export { ApiError, type Comment, type CommentList, type NewComment, type PageInfo, ParleyApi } from './api.js';
export { type EmbedConfig, setEmbedConfig } from './config.js';
export { ParleyComments } from './parley-comments.js';
export { ParleyCount } from './parley-count.js';
export { ParleyShare } from './parley-share.js';
export { safeUrl, sanitize } from './sanitize.js';
