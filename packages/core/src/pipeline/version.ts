/** @medeval/core's version, written into every results.json manifest (a test keeps it equal to package.json). */
export const VERSION = '0.1.0';
