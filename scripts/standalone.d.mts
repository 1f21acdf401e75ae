/** Types for scripts/standalone.mjs (a plain Node script). */
export declare function prepareStandalone(root?: string): string;
