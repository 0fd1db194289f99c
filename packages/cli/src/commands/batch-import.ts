// `medeval batch import` (see batch.ts).
export { importSpec as spec, runImport as run } from './batch.js';
