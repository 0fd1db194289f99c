// Builds the prompt of a task: a versioned id (stored in results as task.promptId) and a render function.
import type { ChatMessage, ModelRequest } from '@medeval/core';
import type { CmexamSample } from '../schema.js';
import {
  chainOfThoughtInstruction,
  exampleAnswer,
  questionBlock,
  SYSTEM_PROMPT,
  zeroShotInstruction,
  type TaskKind,
} from './chat.js';
import { fewShotTag, pickFewShot, type FewShotOptions } from './few-shot.js';
import { knowledgeBlock, knowledgeTag, seedsFor, type KnowledgeSeeds } from './knowledge.js';
import { gptScriptPrompt, paperInstruction, paperWrap } from './paper.js';

export type PromptName = 'zero-shot' | 'cot' | 'few-shot' | 'paper' | 'gpt-script';
export const PROMPT_NAMES: readonly PromptName[] = ['zero-shot', 'cot', 'few-shot', 'paper', 'gpt-script'];

export interface PromptSpec {
  name: PromptName;
  kind: TaskKind;
  fewShot?: FewShotOptions;
  knowledgeSeeds?: KnowledgeSeeds;
}

export interface CmexamPrompt {
  /** `name@version`, plus its parameters and any knowledge-seed slot. */
  id: string;
  render(sample: CmexamSample): Promise<ModelRequest>;
}

const PAPER_TEMPLATE: Record<TaskKind, number> = { answer: 1, explanation: 3, joint: 4 };

/**
 * The versioned id of a prompt (name, kind, parameters), recorded with every run.
 *
 * @example
 * promptId({ name: 'cot', kind: 'answer' }); // 'cmexam-answer-cot@1', recorded with every run
 */
export function promptId(spec: PromptSpec): string {
  let id: string;
  switch (spec.name) {
    case 'paper':
      id = `cmexam-paper-template${PAPER_TEMPLATE[spec.kind]}@1`;
      break;
    case 'gpt-script':
      id = 'cmexam-gpt-script@1';
      break;
    case 'few-shot':
      id = `cmexam-${spec.kind}-few-shot@1(${fewShotTag(requireFewShot(spec))})`;
      break;
    default:
      id = `cmexam-${spec.kind}-${spec.name}@1`;
  }
  if (spec.knowledgeSeeds) id += `+knowledge-seeds@1(${knowledgeTag(spec.knowledgeSeeds)})`;
  return id;
}

function requireFewShot(spec: PromptSpec): FewShotOptions {
  if (!spec.fewShot) throw new Error("prompt 'few-shot' needs fewShot: { data: <train split>, k?, seed? }");
  return spec.fewShot;
}

/**
 * The prompt of a name and task kind: a versioned id and a `render(sample)` that gives the chat request.
 *
 * @example
 * const prompt = buildPrompt({ name: 'zero-shot', kind: 'answer' });
 * const request = await prompt.render(sample); // { messages: [...] }
 */
export function buildPrompt(spec: PromptSpec): CmexamPrompt {
  if (!PROMPT_NAMES.includes(spec.name)) {
    throw new Error(`unknown CMExam prompt '${spec.name}' (known: ${PROMPT_NAMES.join(', ')})`);
  }
  const id = promptId(spec);
  let examples: Promise<CmexamSample[]> | null = null;
  const maxTokens = spec.name === 'cot' ? 2048 : 1024;

  return {
    id,
    async render(sample) {
      const seeds = spec.knowledgeSeeds ? knowledgeBlock(await seedsFor(spec.knowledgeSeeds, sample)) : '';
      const request = (messages: ChatMessage[]): ModelRequest => ({ messages, temperature: 0, maxTokens });
      switch (spec.name) {
        case 'paper':
          return request([{ role: 'user', content: paperWrap(seeds + paperInstruction(sample.input)) }]);
        case 'gpt-script':
          return request([{ role: 'user', content: seeds + gptScriptPrompt(sample.input) }]);
        case 'cot':
          return request([
            { role: 'system', content: SYSTEM_PROMPT },
            { role: 'user', content: `${chainOfThoughtInstruction(spec.kind)}\n\n${seeds}${questionBlock(sample.input)}` },
          ]);
        case 'few-shot': {
          examples ??= pickFewShot(requireFewShot(spec), spec.kind);
          const shots = (await examples).filter((e) => e.input.question !== sample.input.question);
          const turns: ChatMessage[] = shots.flatMap((e): ChatMessage[] => [
            { role: 'user', content: questionBlock(e.input) },
            { role: 'assistant', content: exampleAnswer(spec.kind, e.target.answer, e.target.explanation) },
          ]);
          return request([
            { role: 'system', content: `${SYSTEM_PROMPT}${zeroShotInstruction(spec.kind)}` },
            ...turns,
            { role: 'user', content: seeds + questionBlock(sample.input) },
          ]);
        }
        default:
          return request([
            { role: 'system', content: SYSTEM_PROMPT },
            { role: 'user', content: `${zeroShotInstruction(spec.kind)}\n\n${seeds}${questionBlock(sample.input)}` },
          ]);
      }
    },
  };
}

export type { FewShotOptions } from './few-shot.js';
export type { KnowledgeSeeds, KnowledgeRetriever, KnowledgeSeedCallback } from './knowledge.js';
export type { TaskKind } from './chat.js';
