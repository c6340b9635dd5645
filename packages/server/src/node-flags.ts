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
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'] as const;
