#!/usr/bin/env python3
"""PyTorch twin of `tend bench --only train`.

One AdamW training step of the engine's reference configuration, timed the
same way tend times it: 2 warm-up steps, then N timed steps; prints JSON with
the minimum and median milliseconds per step and the peak RSS.

Reference config: 4 layers, hidden 256, 4 query heads and 2 KV heads
(grouped-query attention), SwiGLU with intermediate 704, vocabulary 8000,
untied LM head, RMSNorm (eps 1e-5), RoPE (theta 10000, rotate-half), batch 4 x
sequence 128, causal attention, cross-entropy over every position.

Run it the way it performs best on this CPU (2 torch threads, one OpenBLAS
thread, no OpenBLAS core-type override):

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 \
        /usr/bin/python3 bench/torch_train_step.py 12

or let tend run it right after its own step and report the ratio:

    go run ./cmd/tend bench --only train --torch bench/torch_train_step.py
"""
import argparse
import json
import math
import resource
import statistics
import time

import torch
import torch.nn.functional as F

LAYERS, HIDDEN, HEADS, KV_HEADS, FFN, VOCAB = 4, 256, 4, 2, 704, 8000
BATCH, SEQ = 4, 128
HEAD_DIM = HIDDEN // HEADS


def rms_norm(x, weight, eps=1e-5):
    return x * torch.rsqrt(x.pow(2).mean(dim=-1, keepdim=True) + eps) * weight


def rope_tables(seq, dim, theta=10000.0):
    inv = theta ** (-torch.arange(0, dim, 2, dtype=torch.float32) / dim)
    angles = torch.arange(seq, dtype=torch.float32)[:, None] * inv[None, :]
    angles = torch.cat((angles, angles), dim=-1)  # rotate-half layout
    return angles.cos(), angles.sin()


def apply_rope(x, cos, sin):
    half = x.shape[-1] // 2
    rotated = torch.cat((-x[..., half:], x[..., :half]), dim=-1)
    return x * cos + rotated * sin


class Layer(torch.nn.Module):
    def __init__(self):
        super().__init__()
        lin = lambda i, o: torch.nn.Linear(i, o, bias=False)
        self.attn_norm = torch.nn.Parameter(torch.ones(HIDDEN))
        self.mlp_norm = torch.nn.Parameter(torch.ones(HIDDEN))
        self.wq, self.wk, self.wv = lin(HIDDEN, HEADS * HEAD_DIM), lin(HIDDEN, KV_HEADS * HEAD_DIM), lin(HIDDEN, KV_HEADS * HEAD_DIM)
        self.wo = lin(HEADS * HEAD_DIM, HIDDEN)
        self.gate, self.up, self.down = lin(HIDDEN, FFN), lin(HIDDEN, FFN), lin(FFN, HIDDEN)

    def forward(self, x, cos, sin, mask):
        b, t, _ = x.shape
        h = rms_norm(x, self.attn_norm)
        q = self.wq(h).view(b, t, HEADS, HEAD_DIM).transpose(1, 2)
        k = self.wk(h).view(b, t, KV_HEADS, HEAD_DIM).transpose(1, 2)
        v = self.wv(h).view(b, t, KV_HEADS, HEAD_DIM).transpose(1, 2)
        q, k = apply_rope(q, cos, sin), apply_rope(k, cos, sin)
        group = HEADS // KV_HEADS
        k, v = k.repeat_interleave(group, dim=1), v.repeat_interleave(group, dim=1)
        scores = (q @ k.transpose(-1, -2)) / math.sqrt(HEAD_DIM) + mask
        att = scores.softmax(dim=-1) @ v
        x = x + self.wo(att.transpose(1, 2).reshape(b, t, HEADS * HEAD_DIM))
        h = rms_norm(x, self.mlp_norm)
        return x + self.down(F.silu(self.gate(h)) * self.up(h))


class Model(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = torch.nn.Embedding(VOCAB, HIDDEN)
        self.layers = torch.nn.ModuleList(Layer() for _ in range(LAYERS))
        self.norm = torch.nn.Parameter(torch.ones(HIDDEN))
        self.head = torch.nn.Linear(HIDDEN, VOCAB, bias=False)
        cos, sin = rope_tables(SEQ, HEAD_DIM)
        self.register_buffer("cos", cos)
        self.register_buffer("sin", sin)
        self.register_buffer("mask", torch.full((SEQ, SEQ), float("-inf")).triu(1))

    def forward(self, ids, targets):
        x = self.embed(ids)
        for layer in self.layers:
            x = layer(x, self.cos, self.sin, self.mask)
        logits = self.head(rms_norm(x, self.norm))
        return F.cross_entropy(logits.view(-1, VOCAB), targets.view(-1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("steps", type=int, nargs="?", default=12,
                    help="total steps, of which the first 2 are warm-up (tend bench passes its steps + 2)")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = Model()
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=0.1)
    ids = torch.randint(0, VOCAB, (BATCH, SEQ))
    targets = torch.randint(0, VOCAB, (BATCH, SEQ))

    def step():
        opt.zero_grad(set_to_none=True)
        loss = model(ids, targets)
        loss.backward()
        opt.step()
        return loss.item()

    for _ in range(2):
        step()
    times = []
    timed = max(args.steps - 2, 1)
    for _ in range(timed):
        t0 = time.perf_counter()
        step()
        times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({
        "peer": "pytorch " + torch.__version__, "threads": args.threads, "steps": timed,
        "ms_per_step_min": round(min(times), 2), "ms_per_step_median": round(statistics.median(times), 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }))


if __name__ == "__main__":
    main()
