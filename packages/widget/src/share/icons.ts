import { html, type TemplateResult } from 'lit';
import type { ServiceId } from './services.js';

/**
 * Inline icons, drawn as short strokes on a 24×24 grid in `currentColor` (so they follow the
 * theme and forced colours), not the networks' full logos: the whole set stays under 1 KB
 * gzipped, and nothing is fetched from anywhere.
 */
const PATHS: Record<ServiceId, string> = {
  native:
    'M18 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm12 7a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8.6 13.5l6.8 4m0-11-6.8 4',
  copy: 'M10 13a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1m2 7a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1',
  email: 'M3 5h18v14H3zm0 0 9 8 9-8',
  x: 'M4 4h4l12 16h-4zm15 0-6 7m-2 2-6 7',
  facebook: 'M15 3h-2a4 4 0 0 0-4 4v14m-3-10h9',
  linkedin: 'M5 10v9m0-14v1m5 13v-9m0 4a4 4 0 0 1 8 0v5',
  reddit: 'M4 14a8 5 0 0 0 16 0 8 5 0 0 0-16 0m8-5 1-5 5 1m-9 9v1m6-1v1m-6 2q3 2 6 0',
  hackernews: 'M3 3h18v18H3zm5 4 4 6 4-6m-4 6v5',
  whatsapp: 'M3 21l1.5-4.5a9 9 0 1 1 3 3zm6-12q0 5 6 6l1-2-2-1-1 1q-2-1-3-3l1-1-1-2z',
  telegram: 'M22 3 2 11l7 3 3 7 3-5 5 3zM9 14 22 3',
  bluesky: 'M12 11C10 7 6 3 3 4c-2 1 0 8 3 9-3 1-3 4 0 6 3 1 5-3 6-8 1 5 3 9 6 8 3-2 3-5 0-6 3-1 5-8 3-9-3-1-7 3-9 7z',
  threads: 'M17 8c-1-3-3-5-6-5-5 0-8 4-8 9s3 9 9 9c3 0 6-1 8-4m-4-5c0 3-2 5-4 5s-3-1-3-3c0-3 5-3 8-1',
  mastodon: 'M21 12V8q0-5-5-5H8Q3 3 3 8v5q0 8 9 8 2 0 4-1M8 15v-5a2 2 0 0 1 4 0v3m0 0v-3a2 2 0 0 1 4 0v5',
  pinterest: 'M8 21l3-12m0 6c4 1 7-2 7-6A6 6 0 0 0 6 9c0 2 1 3 2 3',
  print: 'M6 9V3h12v6M6 18H3V9h18v9h-3M6 14h12v7H6z',
};

/** The icon of a service, hidden from assistive technology (the control carries the name). */
export function icon(service: ServiceId): TemplateResult {
  return html`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${PATHS[service]}></path></svg>`;
}
