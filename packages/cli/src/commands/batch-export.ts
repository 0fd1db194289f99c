// `medeval batch export` (see batch.ts).
export { exportSpec as spec, runExport as run } from './batch.js';
