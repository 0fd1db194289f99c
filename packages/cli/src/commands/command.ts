// The shape of one command module. Modules are imported lazily by name, so `medeval bleu` never loads
// the evaluation engine, the model adapters or the dataset packages.
import type { ParsedArgs, CommandSpec } from '../args/spec.js';
import type { CliIO } from '../io.js';

export interface CommandModule {
  spec: CommandSpec;
  /** Returns the exit code (0 unless stated); throws UsageError/InputError for 2/1. */
  run(args: ParsedArgs, io: CliIO): Promise<number | void>;
}
