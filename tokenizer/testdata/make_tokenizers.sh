#!/bin/sh
# Rebuilds the small tokenizers the golden tests use, with tend's own trainer,
# from text written for these tests (english.txt, multilingual.txt):
#   gpt2.json    GPT-2 layout: ByteLevel pre-tokenizer with its built-in regex,
#                <|endoftext|>, merges in the legacy "a b" string form, plus two
#                added tokens exercising the lstrip/rstrip/normalized flags.
#   llama3.json  Llama 3 layout: Split(Llama 3 regex) + ByteLevel, ignore_merges,
#                <|begin_of_text|> added by a TemplateProcessing post-processor.
#   qwen2.json   Qwen2 layout: NFC normalizer, Split(Qwen2 regex) + ByteLevel,
#                <|endoftext|> <|im_start|> <|im_end|>.
#   tend.json    tend's default layout (llama3 family, tend's special tokens).
#   gpt2_prefix.json  gpt2.json with ByteLevel add_prefix_space (RoBERTa-style).
#   gpt2_splits.json  gpt2.json behind two more Split steps (a lookahead-free
#                regex run by Go's regexp, and a literal with MergedWithPrevious).
# qwen2.json also gets a non-special added token with normalized=true whose
# text changes under NFC, to test matching after normalization.
# Run from this directory:  sh make_tokenizers.sh  (needs `go` and `node`),
# then regenerate the goldens: see gen_goldens.js.
set -e
TEND=${TEND:-"go run ../../cmd/tend"}  # or a built tend binary
C="english.txt multilingual.txt"
$TEND tokenizer train --force --chat-template none --vocab 700 --min-frequency 1 --pattern gpt2 --legacy-merges \
  --special '<|endoftext|>' --out gpt2.json $C
$TEND tokenizer train --force --chat-template none --vocab 800 --min-frequency 1 --pattern llama3 \
  --special '<|begin_of_text|>,<|end_of_text|>,<|start_header_id|>,<|end_header_id|>,<|eot_id|>' --out llama3.json $C
$TEND tokenizer train --force --chat-template none --vocab 800 --min-frequency 1 --pattern qwen2 \
  --special '<|endoftext|>,<|im_start|>,<|im_end|>' --out qwen2.json $C
$TEND tokenizer train --force --chat-template none --vocab 800 --min-frequency 1 --out tend.json $C
node -e '
const fs = require("fs");
const j = JSON.parse(fs.readFileSync("gpt2.json", "utf8"));
const n = Object.keys(j.model.vocab).length;
j.added_tokens.push(
  {id: n, content: "<mask>", single_word: false, lstrip: true, rstrip: false, normalized: false, special: true},
  {id: n + 1, content: "[note]", single_word: false, lstrip: false, rstrip: true, normalized: true, special: false},
  {id: n + 2, content: "hug", single_word: true, lstrip: false, rstrip: false, normalized: false, special: false});
fs.writeFileSync("gpt2.json", JSON.stringify(j, null, 1) + "\n");
'
node -e '
const fs = require("fs");
const g = JSON.parse(fs.readFileSync("gpt2.json", "utf8"));
g.pre_tokenizer.add_prefix_space = true;
fs.writeFileSync("gpt2_prefix.json", JSON.stringify(g, null, 1) + "\n");
g.pre_tokenizer = {type: "Sequence", pretokenizers: [
  {type: "Split", pattern: {Regex: "\\p{N}{1,3}"}, behavior: "Isolated", invert: false},
  {type: "Split", pattern: {String: "--"}, behavior: "MergedWithPrevious", invert: false},
  {type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: true}]};
fs.writeFileSync("gpt2_splits.json", JSON.stringify(g, null, 1) + "\n");
const q = JSON.parse(fs.readFileSync("qwen2.json", "utf8"));
q.added_tokens.push({id: Object.keys(q.model.vocab).length, content: "cafe\u0301", single_word: false, lstrip: false, rstrip: false, normalized: true, special: false});
fs.writeFileSync("qwen2.json", JSON.stringify(q, null, 1) + "\n");
'
