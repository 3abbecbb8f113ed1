// Writes <name>.golden.json for each test tokenizer with the output of
// Hugging Face's own implementation (the npm package `tokenizers`, its Node
// bindings): pre-tokenizer pieces, ids with and without special tokens, and
// decoded text, for hand-picked tricky strings and seeded random ones.
// The Go tests in golden_test.go compare against these files exactly.
//
// Regenerate (outside the repository, so node_modules is never committed):
//   mkdir -p /tmp/tokjs && cd /tmp/tokjs && npm install tokenizers@0.23.2
//   NODE_PATH=/tmp/tokjs/node_modules node gen_goldens.js   # run in this directory
"use strict";
const fs = require("fs");
const { Tokenizer } = require("tokenizers");

const tricky = [
  "",
  "Hello world",
  " leading space",
  "   three leading spaces",
  "trailing spaces   ",
  "a  b   c    d",
  "tabs\tand\t\ttabs",
  "line\nbreaks\n\nand\r\nCRLF\r\n",
  "\n\n\n",
  "  \n  x",
  "mixed \t \n whitespace \u000b\f end",
  "I'm sure it's fine, we'll see. They've said you'd go, I'd stay.",
  "SHOUTING: I'M HERE, IT'S OK, WE'LL GO, THEY'RE GONE, YOU'VE WON",
  "odd 'LL 'Ll 's 'S 'sam 'tis ''s '",
  "long s: 'ſ and kelvin K",
  "folds:'ſo it'ſo x'\u212ao y'İ it'Sam",
  "1 12 123 1234 12345 123456789012345678901234567890",
  "3.14159 2,718,281 1e10 -42 +7 0x1F600",
  "dashes--and---more----x -- y--",
  "Arabic-Indic ٠١٢٣٤٥ fullwidth ７８９ superscript x² roman Ⅻ fraction ½",
  "emoji 😊😢 🙏🏽 ❤️ 👩‍👩‍👧 🇬🇧 flags",
  "CJK 今日はとても疲れました。我今天感觉有点焦虑。오늘 기분이 어때요?",
  "combining e\u0301 vs é, n\u0303 vs ñ, a\u0308\u0301 stacked",
  "Ça va? Straße Grüße Übung naïve café",
  "café vs cafe\u0301 vs CAFÉ, cafés",
  "Привет, как дела? Всё хорошо.",
  "مرحبا كيف حالك؟ שלום מה שלומך",
  "नमस्ते, आप कैसे हैं?",
  "<|endoftext|>",
  "before<|endoftext|>after",
  "text <|endoftext|> text",
  "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n",
  "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nhi<|eot_id|>",
  "<|begin_of_text|>already here",
  "<|system|>\nbe kind<|end|>\n<|user|>\nhello<|end|>",
  "near misses <|endoftext| <|im_start <|eot_id|",
  "mask: a   <mask> b <mask>c",
  "notes: [note]   spaced [note]x",
  "hug hugs hug. hugging hug",
  "nbsp\u00a0here ideographic\u3000space line\u2028sep nel\u0085x zero\u200bwidth",
  "punctuation!!! ... ??? (parens) [brackets] {braces} --- ___ ***",
  "code: if (x > 0) { return x * 2; } // done",
  "email someone@example.com or visit https://example.org/path?q=1&r=2",
  "mixed 中文English混合123テキスト",
  "  \t  ",
  " ",
  "'",
  "''''",
  "a",
  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "The the THE tHe",
  "$100 €50 ¥1000 £20.50",
  "end with newline\n",
];

// Seeded random strings over fragments that stress the scanners.
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const fragments = [
  "a", "Z", "the", " the", "care", "é", "ß", "ſ", "K", "日", "本", "ї", "ا", "क", "्",
  "0", "7", "42", "٣", "７", "²", "Ⅻ", "½",
  " ", " ", "  ", "\t", "\n", "\r", "\r\n", "\u000b", "\f", "\u00a0", "\u3000", "\u2028", "\u0085",
  "'", "'s", "'S", "'ll", "'LL", "'re", "'ve", "'m", "'d", "'t", "'x",
  ".", ",", "!", "?", "-", "(", ")", "\"", "#", "$", "_", "--", "…", "—", "«", "»",
  "😊", "🙏🏽", "👩‍👩‍👧", "\u0301", "\u200d", "\ufe0f",
  "<|endoftext|>", "<|im_start|>", "<|eot_id|>", "<|begin_of_text|>", "<|end|>", "<|",
];
const rnd = mulberry32(20261126);
const randomStrings = [];
for (let i = 0; i < 300; i++) {
  const n = 1 + Math.floor(rnd() * 24);
  let s = "";
  for (let k = 0; k < n; k++) s += fragments[Math.floor(rnd() * fragments.length)];
  randomStrings.push(s);
}

async function main() {
  for (const name of ["gpt2", "gpt2_prefix", "gpt2_splits", "llama3", "qwen2", "tend"]) {
    const tok = Tokenizer.fromFile(`${name}.json`);
    const pre = tok.getPreTokenizer();
    const cases = [];
    for (const text of tricky.concat(randomStrings)) {
      const withSpecial = await tok.encode(text, null, { addSpecialTokens: true });
      const plain = await tok.encode(text, null, { addSpecialTokens: false });
      cases.push({
        text,
        pieces: pre.preTokenizeString(text).map((p) => p[0]),
        ids: withSpecial.getIds(),
        ids_plain: plain.getIds(),
        decoded: await tok.decode(plain.getIds(), false),
        decoded_skip: await tok.decode(plain.getIds(), true),
      });
    }
    fs.writeFileSync(`${name}.golden.json`, JSON.stringify(cases, null, 0).replace(/\},\{/g, "},\n{") + "\n");
    console.log(`${name}: ${cases.length} cases`);
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
