/**
 * The live hub's options (`LiveHubOptions`, set through `AppOptions.live`) and their defaults,
 * kept apart from the hub (`hub.ts`) that reads them.
 */

/** Options of `LiveHub`; every one has a default. */
export interface LiveHubOptions {
  /** How often a hub without a listener (SQLite) looks for other processes' writes; default 1 s. */
  pollMs?: number;
  /** Interval of keep-alive comments; default 25 s (proxies often close after 60 s of silence). */
  keepAliveMs?: number;
  /** How long events are kept for resumption; default 24 h. */
  retentionMs?: number;
  /** Streams one process serves at most; default 20,000. */
  maxStreams?: number;
  /** Events a resuming reader may have missed before it is told to reload instead; default 500. */
  maxReplay?: number;
  /** The `retry:` a new stream gets, in ms; default 3 s. */
  retryMs?: number;
  /** A new reader (no Last-Event-ID) also gets the page's events of this window; default 10 s. */
  recentMs?: number;
  /**
   * A resuming reader also gets the page's events of this window, whatever their id: on
   * PostgreSQL ids are handed out before commit, so an event with a lower id can commit after one
   * the reader already has. Default 2 s with a listener (PostgreSQL), 0 without (SQLite, where
   * ids follow commit order). Replaying the current state twice is harmless.
   */
  overlapMs?: number;
  now?: () => number;
}

/** The options with a fixed default: all but the clock and `overlapMs`, whose default depends on the database. */
export type HubSettings = Required<Omit<LiveHubOptions, 'now' | 'overlapMs'>>;

/** `options` with every unset {@link HubSettings} value at its default. */
export function withDefaults(options: LiveHubOptions): HubSettings {
  return {
    pollMs: options.pollMs ?? 1_000,
    keepAliveMs: options.keepAliveMs ?? 25_000,
    retentionMs: options.retentionMs ?? 24 * 3_600_000,
    maxStreams: options.maxStreams ?? 20_000,
    maxReplay: options.maxReplay ?? 500,
    retryMs: options.retryMs ?? 3_000,
    recentMs: options.recentMs ?? 10_000,
  };
}
