import { html, type TemplateResult } from 'lit';
import { SERVICES, type ServiceId } from './services.js';

/**
 * Inline icons, drawn as short strokes on a 24×24 grid in `currentColor` (so they follow the
 * theme and forced colours), not the networks' full logos: the whole set stays under 1 KB
 * gzipped, and nothing is fetched from anywhere. One path per service, in the order of `SERVICES`.
 */
const PATHS = [
  'M12 3v12M8 7l4-4 4 4M5 11v9h14v-9', // native
  'M9 15l6-6m-4-3 2-2a4 4 0 0 1 6 6l-2 2m-4 4-2 2a4 4 0 0 1-6-6l2-2', // copy
  'M3 5h18v14H3zm0 0 9 8 9-8', // email
  'M6 9V3h12v6M6 18H3V9h18v9h-3M6 14h12v7H6z', // print
  'M21 12V8q0-5-5-5H8Q3 3 3 8v5q0 8 9 8l4-1M8 15v-5a4 4 0 0 1 8 0v5', // mastodon
  'M4 4h4l12 16h-4zm15 0-6 7m-2 2-6 7', // x
  'M15 3h-2a4 4 0 0 0-4 4v14m-3-10h9', // facebook
  'M5 10v9m0-14v1m5 13v-9m0 4a4 4 0 0 1 8 0v5', // linkedin
  'M4 14a8 5 0 0 0 16 0 8 5 0 0 0-16 0m8-5 1-5 5 1', // reddit
  'M3 3h18v18H3zm5 4 4 6 4-6m-4 6v5', // hackernews
  'M3 21l1.5-4.5a9 9 0 1 1 3 3z', // whatsapp
  'M22 3 2 11l7 3 3 7 3-5 5 3zM9 14 22 3', // telegram
  'M12 11C9 5 3 2 3 7s3 6 6 6q-5 2-1 6 4-1 4-8 0 7 4 8 4-4-1-6 6-1 6-6-6-2-9 4z', // bluesky
  'M16 12a4 4 0 1 1 0-.1V14q0 3 3 2t2-4a9 9 0 1 0-4 7.5', // threads
  'M8 21l3-12m0 6c4 1 7-2 7-6A6 6 0 0 0 6 9c0 2 1 3 2 3', // pinterest
];

/** The icon of a service, hidden from assistive technology (the control carries the name). */
export function icon(service: ServiceId): TemplateResult {
  return html`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true"><path d=${PATHS[SERVICES.indexOf(service)]}></path></svg>`;
}
