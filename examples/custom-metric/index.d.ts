// Types for index.js (hand-written: the package ships plain JavaScript with no build step).
import type { Metric, Model, Sample } from '@medeval/core';

/** hallucinated_option_rate: % of answered questions naming a letter that is not an option. Item: 0 or 1. */
export declare const hallucinatedOptionRate: Metric<number>;
/** explanation_char_f1: mean per-sample character F1 (0–100). Item: the sample's F1 in [0, 1]. */
export declare const explanationCharF1: Metric<number>;

/** judged_explanation: a judge model's 1–5 rating of the explanation, averaged. item() is async (it asks the judge). */
export declare function judgedExplanation(judge: Model): Metric<number>;
/** The judge's score 1–5 from its reply (`{"score": 4}` or a bare digit); null when there is none. */
export declare function judgeScore(reply: string): number | null;

/** The option labels of a multiple-choice sample (upper-case ASCII), or null when it has none. */
export declare function optionLetters(sample: Sample): Set<string> | null;
/** Letters in a prediction ("ABD", ["A", "B"], a Set, { letters }); null when there is no prediction. */
export declare function predictionLetters(prediction: unknown): string[] | null;
/** Letters an output explicitly states after 答案 / Answer; null when it states none. */
export declare function statedLetters(output: string | null): string[] | null;
/** Code points of a text with all whitespace removed. */
export declare function characters(text: string): string[];
/** Bag-of-characters precision, recall and F1 in [0, 1]. */
export declare function charF1(hypothesis: string, reference: string): { precision: number; recall: number; f1: number };

declare const metrics: [Metric<number>, Metric<number>];
export default metrics;
