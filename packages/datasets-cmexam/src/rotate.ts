// CircularEval for CMExam: the same question once per rotation of its options. The letters stay where they
// are (A, B, C, … as printed, gaps included) and the option texts move one place per rotation; the correct
// letters move with their texts, so each rotation is scored against its own target — the same as mapping the
// model's answer back to the original letters and scoring it there.
import type { CmexamSample } from './schema.js';

/**
 * Every rotation of a question's options, the question itself first.
 *
 * @example
 * rotations(sample).map((s) => s.target.answer) // e.g. ['C', 'B', 'A', 'E', 'D'] for C on a five-option question
 */
export function rotations(sample: CmexamSample): CmexamSample[] {
  const options = sample.input.options;
  const m = options.length;
  if (m < 2) return [sample];
  const out: CmexamSample[] = [];
  for (let r = 0; r < m; r++) out.push(rotate(sample, r));
  return out;
}

/** Rotation r: the letter at place i shows the text of place (i + r) mod m. */
function rotate(sample: CmexamSample, r: number): CmexamSample {
  if (r === 0) return sample;
  const options = sample.input.options;
  const m = options.length;
  const rotated = options.map((option, i) => ({ letter: option.letter, text: options[(i + r) % m]!.text }));
  // The text at place j now sits at place (j − r) mod m.
  const placeOf = new Map(options.map((option, j) => [option.letter, j]));
  const answer = [...sample.target.answer]
    .map((letter) => {
      const j = placeOf.get(letter);
      return j === undefined ? letter : options[(j - r + m) % m]!.letter;
    })
    .sort()
    .join('');
  return {
    ...sample,
    input: { ...sample.input, options: rotated, optionsText: rotated.map((o) => `${o.letter} ${o.text}`).join('\n') },
    target: { ...sample.target, answer },
  };
}
