import { fileURLToPath } from 'node:url';
import { DEFAULT_DATABASE_URL } from './storage/open.js';

/** Server settings from the environment; every one has a default that works locally. */
export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** Addresses of reverse proxies whose X-Forwarded-For is believed. */
  trustedProxies: string[];
  widgetDir: string;
  /** Folder of the built admin console (packages/admin/dist), served at /admin/. */
  adminDir: string;
  /** Largest admin import upload in bytes. */
  importMaxBytes: number;
  /** Most bytes an admin import upload may hold once inflated (gzip); ten times the upload's by default. */
  importInflatedMaxBytes: number;
  /** How long a page's comment version is trusted before the read path asks the database again. */
  listFreshMs: number;
  /** Public base URL of this server (PARLEY_PUBLIC_URL), used for links in feeds and e-mails. */
  publicUrl: string | undefined;
  /** E-mail, moderator mail, webhooks and the outbox worker (docs/notifications.md). */
  notify: NotifySettings;
  /** Start even when the database's durability settings are weak (PARLEY_ALLOW_UNSAFE_DURABILITY=1). */
  allowUnsafeDurability: boolean;
  /** Node HTTP server timeouts against slow clients (see {@link ServerTimeouts}). */
  timeouts: ServerTimeouts;
}

/**
 * How long a client may take, in milliseconds. A slowloris client that trickles its headers, or
 * its body, holds a socket and memory until one of these ends it (docs/configuration.md).
 */
export interface ServerTimeouts {
  /** To send the whole request head (PARLEY_HEADERS_TIMEOUT_MS, default 10 s; Node's own: 60 s). */
  headersMs: number;
  /** To send the whole request, head and body (PARLEY_REQUEST_TIMEOUT_MS, default 120 s; Node's own: 300 s). */
  requestMs: number;
  /** An idle keep-alive connection stays open (PARLEY_KEEP_ALIVE_TIMEOUT_MS, default 5 s). */
  keepAliveMs: number;
}

/** The notification part of {@link ServerConfig}. */
export interface NotifySettings {
  /** `smtp://…` or `smtps://…`; without it no mail is queued. */
  smtpUrl: string | undefined;
  from: string;
  moderators: string[];
  moderatorMail: 'each' | 'digest' | 'off';
  digestMinutes: number;
  linkHours: number;
  webhookAllowPrivate: boolean;
  outboxIntervalMs: number;
}

/** Reads {@link ServerConfig} from `env`; throws a one-line message on a bad value. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0-65535, not "${env.PORT}"`);
  const listFreshMs = Number(env.PARLEY_LIST_FRESH_MS ?? 1000);
  if (!Number.isInteger(listFreshMs) || listFreshMs < 0 || listFreshMs > 60_000) {
    throw new Error(`PARLEY_LIST_FRESH_MS must be 0-60000, not "${env.PARLEY_LIST_FRESH_MS}"`);
  }
  const publicUrl = env.PARLEY_PUBLIC_URL ? parseBaseUrl(env.PARLEY_PUBLIC_URL) : undefined;
  if (env.PARLEY_PUBLIC_URL && !publicUrl) {
    throw new Error(`PARLEY_PUBLIC_URL must be an http(s) URL, not "${env.PARLEY_PUBLIC_URL}"`);
  }
  const smtpUrl = env.PARLEY_SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new Error('PARLEY_SMTP_URL must start with smtp:// or smtps://');
  if (smtpUrl && !publicUrl) throw new Error('PARLEY_SMTP_URL needs PARLEY_PUBLIC_URL: mails link back to this server');
  const moderatorMail = env.PARLEY_MODERATOR_MAIL ?? 'each';
  if (moderatorMail !== 'each' && moderatorMail !== 'digest' && moderatorMail !== 'off') {
    throw new Error(`PARLEY_MODERATOR_MAIL must be each, digest or off, not "${moderatorMail}"`);
  }
  const moderators = list(env.PARLEY_MODERATOR_EMAILS);
  for (const m of moderators)
    if (!/^[^\s@<>,;]+@[^\s@<>,;]+$/.test(m)) throw new Error(`PARLEY_MODERATOR_EMAILS: "${m}" is not an address`);
  const from = env.PARLEY_MAIL_FROM ?? 'Parley <parley@localhost>';
  if (/[\r\n]/.test(from)) throw new Error('PARLEY_MAIL_FROM must be one line');
  const notify: NotifySettings = {
    smtpUrl,
    from,
    moderators,
    moderatorMail,
    digestMinutes: int(env, 'PARLEY_MODERATOR_DIGEST_MINUTES', 60, 1, 10_080),
    linkHours: int(env, 'PARLEY_MODERATION_LINK_HOURS', 72, 1, 720),
    webhookAllowPrivate: env.PARLEY_WEBHOOK_ALLOW_PRIVATE === '1' || env.PARLEY_WEBHOOK_ALLOW_PRIVATE === 'true',
    outboxIntervalMs: int(env, 'PARLEY_OUTBOX_INTERVAL_MS', 5000, 100, 3_600_000),
  };
  const unsafe = env.PARLEY_ALLOW_UNSAFE_DURABILITY ?? '';
  if (!['', '0', '1'].includes(unsafe)) {
    throw new Error(`PARLEY_ALLOW_UNSAFE_DURABILITY must be 1 or 0, not "${unsafe}"`);
  }
  const timeouts: ServerTimeouts = {
    headersMs: int(env, 'PARLEY_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
    requestMs: int(env, 'PARLEY_REQUEST_TIMEOUT_MS', 120_000, 100, 3_600_000),
    keepAliveMs: int(env, 'PARLEY_KEEP_ALIVE_TIMEOUT_MS', 5_000, 100, 600_000),
  };
  // Node refuses a head timeout longer than the whole-request one.
  if (timeouts.headersMs > timeouts.requestMs) {
    throw new Error('PARLEY_HEADERS_TIMEOUT_MS must not exceed PARLEY_REQUEST_TIMEOUT_MS');
  }
  const importMaxBytes = positiveInt(env.PARLEY_IMPORT_UPLOAD_MAX_BYTES, 50 * 1024 * 1024, 'PARLEY_IMPORT_UPLOAD_MAX_BYTES');
  return {
    port,
    timeouts,
    publicUrl,
    allowUnsafeDurability: unsafe === '1',
    notify,
    listFreshMs,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.PARLEY_DATABASE_URL ?? DEFAULT_DATABASE_URL,
    trustedProxies: (env.PARLEY_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    // src/ and dist/ sit at the same depth, so this finds packages/widget/dist from either.
    widgetDir: env.PARLEY_WIDGET_DIR ?? fileURLToPath(new URL('../../widget/dist/cdn/', import.meta.url)),
    importMaxBytes,
    importInflatedMaxBytes: positiveInt(
      env.PARLEY_IMPORT_INFLATED_MAX_BYTES,
      importMaxBytes * 10,
      'PARLEY_IMPORT_INFLATED_MAX_BYTES',
    ),
    adminDir: env.PARLEY_ADMIN_DIR ?? fileURLToPath(new URL('../../admin/dist/', import.meta.url)),
  };
}

/** `https://host/prefix/` without query, fragment or trailing slash; undefined if not http(s). */
function parseBaseUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username) return undefined;
    return `${url.origin}${url.pathname.replace(/\/$/, '')}`;
  } catch {
    return undefined;
  }
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be ${min}-${max}, not "${env[name]}"`);
  return value;
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not "${value}"`);
  return n;
}
