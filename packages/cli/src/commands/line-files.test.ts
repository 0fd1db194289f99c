// Files of lines as `medeval bleu` / `medeval rouge` read them: straight into shared memory (worker threads score
// them without a copy), pipes too, and errors named in the order the files were given.
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../../../../tests/helpers/rejection.js';
import { UsageError } from '../errors.js';
import { decodeLines, readLineBytes, readLineFiles, shareLineFile } from './line-files.js';

const scratch = () => mkdtemp(join(tmpdir(), 'medeval-lines-'));

describe('readLineBytes', () => {
  it('reads a file into a SharedArrayBuffer, BOM skipped and CRLF dropped when decoded', async () => {
    const path = join(await scratch(), 'a.txt');
    await writeFile(path, '\ufeff头痛\r\n\r\n发热 3 天\n');
    const file = await readLineBytes(path, '--hyp', 'bleu', 'a.txt');
    expect(file.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(file.count).toBe(3);
    expect(decodeLines(file.bytes, file.starts, 0, file.count)).toEqual(['头痛', '', '发热 3 天']);
    expect(shareLineFile(file)).toBe(file); // already shared: no copy
  });

  it('reads a named pipe (a stream, no size) whole', async () => {
    const path = join(await scratch(), 'fifo');
    execFileSync('mkfifo', [path]);
    const writing = (async () => {
      const handle = await open(path, 'w');
      await handle.write('第一行\n第二行\n');
      await handle.close();
    })();
    const file = await readLineBytes(path, '--ref', 'bleu', 'fifo');
    await writing;
    expect(decodeLines(file.bytes, file.starts, 0, file.count)).toEqual(['第一行', '第二行']);
    expect(file.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('names a directory as a usage error', async () => {
    const dir = await scratch();
    const error = await rejectionOf(readLineBytes(dir, '--hyp', 'bleu', 'some-dir'), UsageError);
    expect(error.message).toBe('--hyp some-dir: is a directory, expected a file of lines');
  });
});

describe('readLineFiles', () => {
  it('reports the first failing file in the order given, whichever read ends first', async () => {
    const dir = await scratch();
    await writeFile(join(dir, 'ok.txt'), 'x\n');
    const error = await rejectionOf(
      readLineFiles(
        [
          { path: join(dir, 'ok.txt'), flag: '--hyp', shown: 'ok.txt' },
          { path: dir, flag: '--ref', shown: 'the-dir' },
          { path: join(dir, 'missing.txt'), flag: '--ref', shown: 'missing.txt' },
        ],
        'bleu',
      ),
      UsageError,
    );
    expect(error.message).toBe('--ref the-dir: is a directory, expected a file of lines');
  });
});
