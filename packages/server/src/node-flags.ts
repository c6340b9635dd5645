/**
 * Node.js flags the server process runs with: the `parley` bin's shebang, `pnpm parley`,
 * `pnpm start` and the server bench all pass exactly these (`node-flags.test.ts` keeps them equal).
 *
 * Why a heap flag: the server's live heap is small (about 12 MB after a full GC, however many
 * comments were posted), but V8 grows its young generation to two 16 MB semi-spaces as soon as
 * requests allocate quickly (each POST allocates about 150 KB: JSON, validation, query building,
 * markdown and sanitising), and under 50 concurrent POSTs the bench measured 177 MB peak RSS on
 * SQLite. Semi-spaces of 4 MB keep scavenges short and cheap and cut about 24 MB of resident
 * memory (docs/performance.md, "Server"). It cannot be set after start, hence a flag.
 *
 * Why the second: what survives the young generation piles up in the old one until V8 marks it,
 * and V8 lets the old generation grow to as much as four times the live heap first (a GC trace
 * of cached GETs at 7,000 req/s: about 21 MB live, mark-compact at 75-82 MB), so peak RSS landed
 * anywhere from 107 to 175 MB from run to run of the same load. Growing by at most half the live
 * heap marks sooner (each mark-compact of this heap takes about 4 ms) and kept four runs at
 * 98-109 MB, with no loss of throughput (docs/performance.md, "Server").
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=50'] as const;
