// @medeval/core/node: the parts that need the file system.
export { openFileSource } from './file-source.js';
