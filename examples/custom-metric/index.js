// A third-party medeval metric package: plain `Metric` objects, no build step, no runtime dependency.
// Load it from code (`metrics: [hallucinatedOptionRate]`) or from the command line
// (`medeval run --metric ./examples/custom-metric/index.js`).
//
// A Metric turns each sample into an "item" (its sufficient statistics, or null when the sample is not
// scorable) and aggregates items with a pure function; medeval resamples the items for confidence
// intervals and paired tests, so `aggregate` must depend on nothing but the items it is given.

/** @typedef {import('@medeval/core').Metric<number>} NumberMetric */
/** @typedef {import('@medeval/core').MetricInput} MetricInput */

// ---------------------------------------------------------------------------------------------------
// Option letters
// ---------------------------------------------------------------------------------------------------

const FULL_WIDTH_A = 0xff21;
const FULL_WIDTH_LOWER_A = 0xff41;

/** Maps full-width Latin letters (Ａ, ａ) to ASCII upper case; other characters are returned unchanged. */
function asciiUpper(char) {
  const code = char.codePointAt(0) ?? 0;
  if (code >= FULL_WIDTH_A && code < FULL_WIDTH_A + 26) return String.fromCodePoint(code - FULL_WIDTH_A + 65);
  if (code >= FULL_WIDTH_LOWER_A && code < FULL_WIDTH_LOWER_A + 26) {
    return String.fromCodePoint(code - FULL_WIDTH_LOWER_A + 65);
  }
  return char.toUpperCase();
}

/** The label of one option in any of the shapes loaders use: {label}, {key}, {letter}, or "A text". */
function optionLabel(option) {
  if (typeof option === 'string') {
    const match = /^\s*([A-Za-zＡ-Ｚａ-ｚ])(?:[\s.．、:：)）]|$)/u.exec(option);
    return match ? asciiUpper(match[1]) : null;
  }
  if (option && typeof option === 'object') {
    for (const key of ['label', 'key', 'letter']) {
      const value = option[key];
      if (typeof value === 'string' && value.trim().length === 1) return asciiUpper(value.trim());
    }
  }
  return null;
}

/**
 * The option labels of a multiple-choice sample, or null when the sample has no recognisable options.
 * Accepts `input.options` as an array (objects or "A text" lines), a record keyed by letter, or one
 * string with one option a line (the official CMExam CSV layout).
 */
export function optionLetters(sample) {
  const input = sample && typeof sample === 'object' ? sample.input : undefined;
  const options = input && typeof input === 'object' ? input.options : undefined;
  let labels = [];
  if (Array.isArray(options)) labels = options.map(optionLabel);
  else if (typeof options === 'string') labels = options.split(/\r?\n/u).filter((l) => l.trim()).map(optionLabel);
  else if (options && typeof options === 'object') labels = Object.keys(options).map(optionLabel);
  const letters = labels.filter((label) => label !== null);
  return letters.length > 0 ? new Set(letters) : null;
}

/** Letters in a prediction: "ABD", ["A", "B"], a Set, or { letters }. Non-letters (e.g. 无答案) give none. */
export function predictionLetters(prediction) {
  if (prediction === null || prediction === undefined) return null;
  if (typeof prediction === 'string') {
    return [...prediction].map(asciiUpper).filter((c) => c >= 'A' && c <= 'Z');
  }
  if (Array.isArray(prediction) || prediction instanceof Set) {
    return [...prediction].flatMap((p) => predictionLetters(p) ?? []);
  }
  if (typeof prediction === 'object') {
    for (const key of ['letters', 'answer']) {
      if (key in prediction) return predictionLetters(prediction[key]);
    }
  }
  return null;
}

// "答案：F", "答案是 E", "正确答案为Ｆ", "Answer: F", "the answer is F" — upper-case letters only, so an
// English word after "answer is" is not read as a letter; a run of letters may be joined by 、,，和及与.
const STATED_ANSWER =
  /(?:答案|[Aa]nswer)\s*(?:是|为|应为|應為|is|:|：|\*)*\s*([A-ZＡ-Ｚ](?:\s*[、,，和及与]?\s*[A-ZＡ-Ｚ])*)(?![A-Za-zＡ-Ｚａ-ｚ])/u;

/** Letters a raw output explicitly states as its answer, for outputs the task's parser rejected. */
export function statedLetters(output) {
  if (typeof output !== 'string') return null;
  const match = STATED_ANSWER.exec(output);
  if (!match) return null;
  return [...match[1]].map(asciiUpper).filter((c) => c >= 'A' && c <= 'Z');
}

// ---------------------------------------------------------------------------------------------------
// Metric 1: hallucinated-option rate
// ---------------------------------------------------------------------------------------------------

/**
 * Share of answered questions (in %) whose answer names a letter that is not among the question's
 * options, e.g. "E" on a four-option question. Strict parsers usually refuse such an answer, so when the
 * prediction is null the letters the output states after 答案/answer are used instead. Samples without
 * options or without any stated letter are not scorable (item null). Lower is better.
 * @type {NumberMetric}
 */
export const hallucinatedOptionRate = {
  name: 'hallucinated_option_rate',
  signature: 'hallucinated_option_rate|letters:prediction-else-stated|scale:100|v1',
  higherIsBetter: false,
  scale: 'percent',
  interval: 'wilson',
  pairedTest: 'mcnemar',
  item({ sample, output, prediction }) {
    const options = optionLetters(sample);
    if (!options) return null;
    const fromPrediction = predictionLetters(prediction);
    const letters = fromPrediction && fromPrediction.length > 0 ? fromPrediction : statedLetters(output);
    if (!letters || letters.length === 0) return null;
    return letters.some((letter) => !options.has(letter)) ? 1 : 0;
  },
  aggregate(items) {
    if (items.length === 0) return Number.NaN;
    let sum = 0;
    for (const item of items) sum += item;
    return (100 * sum) / items.length;
  },
  sampleScore: (item) => item,
};

// ---------------------------------------------------------------------------------------------------
// Metric 2: character-level F1 of explanations
// ---------------------------------------------------------------------------------------------------

/** Code points of a text with all whitespace removed (astral characters such as 𠮷 count once). */
export function characters(text) {
  return Array.from(text.replace(/\s+/gu, ''));
}

/** Bag-of-characters overlap: precision, recall and F1 in [0, 1] (SQuAD-style F1 on characters). */
export function charF1(hypothesis, reference) {
  const hyp = characters(hypothesis);
  const ref = characters(reference);
  if (hyp.length === 0 || ref.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const counts = new Map();
  for (const c of ref) counts.set(c, (counts.get(c) ?? 0) + 1);
  let common = 0;
  for (const c of hyp) {
    const left = counts.get(c) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(c, left - 1);
    }
  }
  if (common === 0) return { precision: 0, recall: 0, f1: 0 };
  const precision = common / hyp.length;
  const recall = common / ref.length;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

/** The gold explanation of a sample: `target` itself when it is text, else `target.explanation`. */
function goldExplanation(sample) {
  const target = sample ? sample.target : undefined;
  if (typeof target === 'string') return target;
  if (target && typeof target === 'object' && typeof target.explanation === 'string') return target.explanation;
  return null;
}

/**
 * The model's explanation: `prediction.explanation` when the task parsed one; the prediction itself when
 * the task's target is the explanation text; else the raw output after its first 解释:/解释： marker (the
 * CMExam answer-plus-explanation layout), or the whole output.
 */
function hypothesisExplanation(sample, output, prediction) {
  if (prediction && typeof prediction === 'object' && typeof prediction.explanation === 'string') {
    return prediction.explanation;
  }
  if (typeof prediction === 'string' && typeof sample.target === 'string') return prediction;
  if (typeof output !== 'string') return '';
  const marker = /解释\s*[:：]/u.exec(output);
  return marker ? output.slice(marker.index + marker[0].length) : output;
}

/**
 * Mean per-sample character F1 (0–100) between the model's explanation and the gold explanation.
 * Samples whose gold explanation is empty are dropped (as the CMExam protocol drops them); an empty or
 * failed output scores 0.
 * @type {NumberMetric}
 */
export const explanationCharF1 = {
  name: 'explanation_char_f1',
  signature: 'explanation_char_f1|tok:char-nows|bag-of-chars|mean-per-sample|scale:100|v1',
  higherIsBetter: true,
  scale: 'percent',
  interval: 'bootstrap',
  pairedTest: 'bootstrap',
  item({ sample, output, prediction, status }) {
    const gold = goldExplanation(sample);
    if (gold === null || characters(gold).length === 0) return null;
    if (status === 'error') return 0;
    return charF1(hypothesisExplanation(sample, output, prediction), gold).f1;
  },
  aggregate(items) {
    if (items.length === 0) return Number.NaN;
    let sum = 0;
    for (const item of items) sum += item;
    return (100 * sum) / items.length;
  },
  sampleScore: (item) => 100 * item,
};

// ---------------------------------------------------------------------------------------------------
// An async metric: a judge model rates each explanation
// ---------------------------------------------------------------------------------------------------

/** The judge's score 1–5 from its reply: `{"score": 4}` or a bare digit; null when there is none. */
export function judgeScore(reply) {
  const json = /"score"\s*:\s*"?([1-5])\b/.exec(reply);
  if (json) return Number(json[1]);
  const bare = /^\s*([1-5])\s*$/.exec(reply);
  return bare ? Number(bare[1]) : null;
}

/**
 * judged_explanation: a judge model rates how well the model's explanation agrees with the gold one, 1–5;
 * the metric is the mean. `item()` returns a promise (it asks the judge), which evaluate() and score()
 * await, several samples at a time. `judge` is any medeval Model: `openaiCompatible({...})`,
 * `modelFromSpec('openai:gpt-4o')`, `fromFunction(...)`. A reply without a score is an error that names
 * the sample (never a silent drop). Not in the default export: it needs a judge.
 * @param {import('@medeval/core').Model} judge
 * @returns {NumberMetric}
 */
export function judgedExplanation(judge) {
  return {
    name: 'judged_explanation',
    signature: `judged_explanation|judge:${judge.id}|scale:1-5|prompt:v1|mean|v1`,
    higherIsBetter: true,
    scale: 'fraction',
    interval: 'bootstrap',
    pairedTest: 'bootstrap',
    async item({ sample, output, prediction, status }) {
      const gold = goldExplanation(sample);
      if (gold === null || characters(gold).length === 0) return null;
      if (status === 'error') return 1;
      const answer = hypothesisExplanation(sample, output, prediction);
      const reply = await judge.generate(
        {
          messages: [
            { role: 'system', content: '你是医学考试阅卷人。只输出 JSON：{"score": 1-5}。' },
            {
              role: 'user',
              content: `参考解释：\n${gold}\n\n考生解释：\n${answer}\n\n考生解释与参考解释在医学上一致的程度（1=完全不符，5=完全一致）？`,
            },
          ],
          temperature: 0,
          maxTokens: 16,
        },
        { sample },
      );
      const score = judgeScore(reply.text);
      if (score === null) throw new Error(`the judge gave no score 1-5: ${JSON.stringify(reply.text.slice(0, 80))}`);
      return score;
    },
    aggregate(items) {
      if (items.length === 0) return Number.NaN;
      let sum = 0;
      for (const item of items) sum += item;
      return sum / items.length;
    },
    sampleScore: (item) => item,
  };
}

/** Everything this package offers, for loaders that take a module's default export. */
export default [hallucinatedOptionRate, explanationCharF1];
