# The reference timed by bench/metrics/run.mjs in the same run: sacrebleu 2.6.0's corpus_bleu with
# tokenize='zh' over the same two files of lines medeval reads. Prints the score as JSON.
# usage: python sacrebleu_zh.py HYP REF
import json
import sys

import sacrebleu

with open(sys.argv[1], encoding="utf-8") as f:
    hyps = f.read().split("\n")
with open(sys.argv[2], encoding="utf-8") as f:
    refs = f.read().split("\n")
if hyps and hyps[-1] == "":
    hyps.pop()
if refs and refs[-1] == "":
    refs.pop()
bleu = sacrebleu.corpus_bleu(hyps, [refs], tokenize="zh")
print(json.dumps({"score": bleu.score, "version": sacrebleu.__version__}))
