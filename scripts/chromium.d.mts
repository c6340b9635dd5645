/** The Chromium binary: Debian's, or CHROME_PATH. */
export declare const CHROME_PATH: string;
/** Flags Chromium needs on this kind of machine (root, no GPU, no network but loopback). */
export declare const CHROMIUM_ARGS: readonly string[];
