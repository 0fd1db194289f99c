// The public surface of @medeval/datasets-mcq: re-exports only.
export { loadMcq, McqFormatError, MCQ_LETTERS, type LoadMcqOptions, type McqOption, type McqSample } from './load.js';
export { mcq, mcqTaskFrom, mcqPrompt, randomMcqBaseline, TASK_VERSION, type McqTaskOptions, type McqTaskParts } from './task.js';
export { optionsOf, answerOf } from './load.js';
