#!/usr/bin/env bash
# llamacpp_parity.sh: checks by hand that tend's GGUF export runs in llama.cpp
# and decodes greedily to the same token ids as tend. Not run by `go test`:
# it needs a llama.cpp build, which tend neither ships nor builds.
#
#   LLAMA_CPP_DIR=/path/to/llama.cpp bash model/testdata/llamacpp_parity.sh
#
# LLAMA_CPP_DIR is a llama.cpp checkout already built with its CMake build,
# so that $LLAMA_CPP_DIR/build/bin holds llama-server and llama-tokenize
# (LLAMA_CPP_BIN overrides that folder). See docs/gguf.md for the commit
# this was last run against and what it printed.
#
# For each model (models/tend-mini, plus random tiny models made here:
# llama with an untied head, llama tied, qwen2 with q/k/v biases, llama with
# llama3 rope scaling, llama with linear rope scaling, and two with
# tokenizers trained here on the gpt2 and qwen2 pre-tokenizers) and
# each export type (F32, F16):
#   1. tend export gguf writes the GGUF;
#   2. llama-tokenize and tend's tokenizer encode the same texts (F32 file
#      only; the vocabulary does not depend on the type) and must agree;
#   3. llama-server (on 127.0.0.1 only) answers /completion for chat prompts
#      rendered by tend, given as token ids, at temperature 0 and top-k 1;
#      tend's greedy decoding of the same ids must give the same ids (and,
#      for F32 files with the F32 cache, log-probs within 1e-4). A
#      divergence where llama.cpp took tend's runner-up, with both tokens'
#      log-probs as close between the two as on the identical prefix, is
#      counted as a near-tie; any other difference stops the script.
set -euo pipefail

: "${LLAMA_CPP_DIR:?set LLAMA_CPP_DIR to a built llama.cpp checkout}"
BIN=${LLAMA_CPP_BIN:-$LLAMA_CPP_DIR/build/bin}
for exe in llama-server llama-tokenize; do
	[[ -x $BIN/$exe ]] || { echo "no $BIN/$exe: build llama.cpp's $exe target first" >&2; exit 2; }
done
N=${PARITY_TOKENS:-48}     # tokens to generate per prompt
PORT=${PARITY_PORT:-18931} # llama-server's loopback port
# llama.cpp keeps its KV cache in F16 by default. F32 isolates the export:
# the F16 cache alone moves log-probs by ~1e-3 and can flip near-ties.
CACHE=${PARITY_KV_CACHE:-f32}

cd "$(dirname "$0")/../.."
work=$(mktemp -d)
server=""
cleanup() {
	[[ -n $server ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/tend" ./cmd/tend
go build -o "$work/helper" ./model/testdata/llamacpp_parity

# The tiny random models borrow tend-mini's tokenizer.
tokdir=models/tend-mini
[[ -f $tokdir/config.json ]] || { echo "no $tokdir: run from a tend checkout" >&2; exit 2; }
models=("$tokdir")
"$work/helper" tiny -from "$tokdir" -out "$work/tiny-llama" -arch llama -seed 7
"$work/helper" tiny -from "$tokdir" -out "$work/tiny-llama-tied" -arch llama -tied -seed 8
"$work/helper" tiny -from "$tokdir" -out "$work/tiny-qwen2" -arch qwen2 -seed 9
"$work/helper" tiny -from "$tokdir" -out "$work/tiny-llama3-rope" -arch llama -rope-scaling llama3 -seed 10
"$work/helper" tiny -from "$tokdir" -out "$work/tiny-linear-rope" -arch llama -rope-scaling linear -tied -seed 11
models+=("$work/tiny-llama" "$work/tiny-llama-tied" "$work/tiny-qwen2" "$work/tiny-llama3-rope" "$work/tiny-linear-rope")
# tend-mini's tokenizer uses the llama3 pre-tokenizer ("llama-bpe" in GGUF);
# two more, trained here on the docs, cover "gpt-2" and "qwen2".
for pat in gpt2 qwen2; do
	mkdir -p "$work/tok-$pat"
	"$work/tend" tokenizer train --vocab 1500 --pattern "$pat" --out "$work/tok-$pat/tokenizer.json" docs/*.md README.md >/dev/null 2>&1
	cp "$tokdir/config.json" "$work/tok-$pat/" # BOS/EOS ids: the same special tokens come first
done
"$work/helper" tiny -from "$work/tok-gpt2" -out "$work/tiny-gpt2-tokenizer" -arch llama -seed 12
"$work/helper" tiny -from "$work/tok-qwen2" -out "$work/tiny-qwen2-tokenizer" -arch qwen2 -seed 13
models+=("$work/tiny-gpt2-tokenizer" "$work/tiny-qwen2-tokenizer")

prompts=(
	"I can't sleep and work has been too much lately."
	"My friend hasn't texted back in days and I feel so alone."
	"Hi"
	"What can I do when my chest gets tight before exams? It's been 3 weeks."
)
texts=(
	"Hello there! I'm 23 and I've been feeling low since 2019."
	"  leading spaces, tabs	and trailing spaces   "
	$'two lines\nand a blank one\n\nend'
	"naïve café — “quotes” and emoji 🙂 plus 1234567 digits"
	$'<|user|>\nspecial tokens in text<|end|>\n'
	'a literal backslash-n \n and C:\\path'
	$'I\'M SURE they\'LL call; don\'t worry.\r\n\n\n   indented\ttab 3.14159 and 100000000'
	"Ünïcödé: Привет, 你好，こんにちは — ½ ² ٣"
)

start_server() {
	"$BIN/llama-server" -m "$1" --host 127.0.0.1 --port "$PORT" -c 1024 -np 1 -t 2 --no-webui \
		-ctk "$CACHE" -ctv "$CACHE" \
		>"$work/server.log" 2>&1 &
	server=$!
	for _ in $(seq 100); do
		curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && return 0
		kill -0 "$server" 2>/dev/null || break
		sleep 0.2
	done
	cat "$work/server.log" >&2
	echo "llama-server did not start for $1" >&2
	return 1
}

stop_server() {
	kill "$server" && wait "$server" 2>/dev/null || true
	server=""
}

same=0 ties=0
for dir in "${models[@]}"; do
	name=$(basename "$dir")
	for dtype in f32 f16; do
		gguf=$work/$name-$dtype.gguf
		flag=()
		[[ $dtype == f32 ]] && flag=(--f32)
		"$work/tend" export gguf "${flag[@]}" "$dir" "$gguf" 2>/dev/null

		if [[ $dtype == f32 ]]; then
			for i in "${!texts[@]}"; do
				printf '%s' "${texts[$i]}" >"$work/text.txt"
				want=$("$work/helper" encode -model "$dir" -file "$work/text.txt")
				got=$("$BIN/llama-tokenize" -m "$gguf" -f "$work/text.txt" --ids --no-bos --no-escape --log-disable 2>/dev/null | tail -n 1)
				if [[ $want != "$got" ]]; then
					echo "$name tokenize text $i differs:" >&2
					echo "  tend      $want" >&2
					echo "  llama.cpp $got" >&2
					exit 1
				fi
			done
			echo "$name: llama-tokenize = tend on ${#texts[@]} texts"
		fi

		start_server "$gguf"
		for i in "${!prompts[@]}"; do
			"$work/helper" greedy -model "$dir" -message "${prompts[$i]}" -n "$N" \
				-out "$work/tend.json" -request "$work/req.json"
			curl -sf "http://127.0.0.1:$PORT/completion" -H 'Content-Type: application/json' \
				-d @"$work/req.json" >"$work/llama.json"
			# F32 weights with an F32 cache agree to ~3e-5 in log-prob; an
			# error as small as the wrong rms_norm_eps (1e-5 for 1e-6) shows
			# as 2e-4. F16 rounding makes the log-probs too loose to bound.
			limit=0
			[[ $dtype == f32 && $CACHE == f32 ]] && limit=1e-4
			rc=0
			"$work/helper" compare -tend "$work/tend.json" -llama "$work/llama.json" -max-dlogprob "$limit" \
				-label "$name $dtype prompt $i" || rc=$?
			case $rc in
			0) same=$((same + 1)) ;;
			3) ties=$((ties + 1)) ;;
			*) exit 1 ;;
			esac
		done
		stop_server
	done
done
echo "KV cache $CACHE: $same greedy comparisons identical, $ties parted at a near-tie, none differed otherwise"
