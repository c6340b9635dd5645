/**
 * An identicon drawn locally from the server's `author.avatar` seed: a symmetric 5×5 pattern
 * in one colour, as one SVG path (drawn by the comment template). Nothing is requested from anyone.
 */
const cache = new Map<string, [string, number]>();

/** The identicon's path and hue for `seed`. */
export function shape(seed: string): [string, number] {
  let found = cache.get(seed);
  if (found) return found;
  // FNV-1a: a small, well-spread hash is all a picture needs.
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let d = '';
  for (let i = 0; i < 15; i++) {
    if (!((h >>> i) & 1)) continue;
    const x = Math.floor(i / 5);
    const y = i % 5;
    d += `M${x} ${y}h1v1h-1z`;
    if (x < 2) d += `M${4 - x} ${y}h1v1h-1z`;
  }
  found = [d, (h >>> 16) % 360];
  if (cache.size > 5000) cache.clear();
  cache.set(seed, found);
  return found;
}
