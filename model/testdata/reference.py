# An independent PyTorch implementation of the Llama-family model in package
# model, used to produce golden logits, loss and gradients for the Go tests.
# It writes tiny random checkpoints (config.json + model.safetensors, HF
# tensor names) with its own safetensors writer, runs them in float64, and
# stores the results next to each checkpoint:
#   <case>/golden.json          the batch (tokens, targets, mask, segments) and the loss
#   <case>/golden.safetensors   "logits" [B,T,V] and "grad.<HF name>" for every tensor
#
# Regenerate (CI only reads the outputs):
#   cd model/testdata && /usr/bin/python3 reference.py
import json, math, os, struct
import torch

torch.manual_seed(1234)

def write_safetensors(path, tensors):
    header, blobs, off = {}, [], 0
    for name, t in tensors.items():
        b = t.detach().to(torch.float32).contiguous().numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [off, off + len(b)]}
        blobs.append(b); off += len(b)
    header["__metadata__"] = {"format": "pt"}
    h = json.dumps(header).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h))); f.write(h)
        for b in blobs: f.write(b)

def inv_freq(cfg):
    D = cfg["head_dim"]
    inv = 1.0 / (cfg["rope_theta"] ** (torch.arange(0, D, 2, dtype=torch.int64).float() / D))
    rs = cfg.get("rope_scaling")
    if rs and rs["rope_type"] == "llama3":
        f, lo, hi, old = rs["factor"], rs["low_freq_factor"], rs["high_freq_factor"], rs["original_max_position_embeddings"]
        lo_w, hi_w = old / lo, old / hi
        wave = 2 * math.pi / inv
        out = torch.where(wave > lo_w, inv / f, inv)
        smooth = (old / wave - lo) / (hi - lo)
        smoothed = (1 - smooth) * out / f + smooth * out
        medium = ~(wave < hi_w) & ~(wave > lo_w)
        inv = torch.where(medium, smoothed, out)
    return inv

def rotate_half(x):
    h = x.shape[-1] // 2
    return torch.cat([-x[..., h:], x[..., :h]], -1)

def rms(x, w, eps):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * w

def forward(cfg, P, tokens, seg):
    B, T = tokens.shape
    C, H, KV, D = cfg["hidden_size"], cfg["num_attention_heads"], cfg["num_key_value_heads"], cfg["head_dim"]
    eps = cfg["rms_norm_eps"]
    # positions restart at each segment
    pos = torch.zeros(B, T, dtype=torch.int64)
    for b in range(B):
        for t in range(1, T):
            pos[b, t] = 0 if seg[b, t] != seg[b, t - 1] else pos[b, t - 1] + 1
    ang = (pos.float()[..., None] * inv_freq(cfg)[None, None, :])  # float32, like HF
    emb = torch.cat([ang, ang], -1)
    cos, sin = emb.cos().double()[:, :, None, :], emb.sin().double()[:, :, None, :]
    causal = torch.ones(T, T, dtype=torch.bool).tril()
    allow = causal[None] & (seg[:, :, None] == seg[:, None, :])  # B,T,T
    x = P["model.embed_tokens.weight"][tokens]
    for l in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{l}."
        h = rms(x, P[p + "input_layernorm.weight"], eps)
        def proj(name):
            y = h @ P[p + f"self_attn.{name}.weight"].T
            if p + f"self_attn.{name}.bias" in P: y = y + P[p + f"self_attn.{name}.bias"]
            return y
        q = proj("q_proj").view(B, T, H, D); k = proj("k_proj").view(B, T, KV, D); v = proj("v_proj").view(B, T, KV, D)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k = k.repeat_interleave(H // KV, 2); v = v.repeat_interleave(H // KV, 2)
        s = torch.einsum("bqhd,bkhd->bhqk", q, k) / math.sqrt(D)
        s = s.masked_fill(~allow[:, None], float("-inf"))
        a = torch.einsum("bhqk,bkhd->bqhd", s.softmax(-1), v).reshape(B, T, H * D)
        x = x + a @ P[p + "self_attn.o_proj.weight"].T
        h = rms(x, P[p + "post_attention_layernorm.weight"], eps)
        g = h @ P[p + "mlp.gate_proj.weight"].T; u = h @ P[p + "mlp.up_proj.weight"].T
        x = x + (torch.nn.functional.silu(g) * u) @ P[p + "mlp.down_proj.weight"].T
    h = rms(x, P["model.norm.weight"], eps)
    head = P["model.embed_tokens.weight"] if cfg["tie_word_embeddings"] else P["lm_head.weight"]
    return h @ head.T

def make_case(name, cfg, packed):
    os.makedirs(name, exist_ok=True)
    V, C, L = cfg["vocab_size"], cfg["hidden_size"], cfg["num_hidden_layers"]
    H, KV, D, F = cfg["num_attention_heads"], cfg["num_key_value_heads"], cfg["head_dim"], cfg["intermediate_size"]
    bias = cfg["architectures"][0] == "Qwen2ForCausalLM"
    shapes = {"model.embed_tokens.weight": (V, C)}
    for l in range(L):
        p = f"model.layers.{l}."
        shapes.update({p + "input_layernorm.weight": (C,), p + "self_attn.q_proj.weight": (H * D, C),
                       p + "self_attn.k_proj.weight": (KV * D, C), p + "self_attn.v_proj.weight": (KV * D, C),
                       p + "self_attn.o_proj.weight": (C, H * D), p + "post_attention_layernorm.weight": (C,),
                       p + "mlp.gate_proj.weight": (F, C), p + "mlp.up_proj.weight": (F, C), p + "mlp.down_proj.weight": (C, F)})
        if bias:
            shapes.update({p + "self_attn.q_proj.bias": (H * D,), p + "self_attn.k_proj.bias": (KV * D,), p + "self_attn.v_proj.bias": (KV * D,)})
    shapes["model.norm.weight"] = (C,)
    if not cfg["tie_word_embeddings"]:
        shapes["lm_head.weight"] = (V, C)
    W = {}
    for n, s in shapes.items():
        if n.endswith("norm.weight"):
            W[n] = 1 + 0.1 * torch.randn(s)
        else:
            W[n] = 0.15 * torch.randn(s)
    W = {n: t.float() for n, t in W.items()}
    write_safetensors(os.path.join(name, "model.safetensors"), W)
    with open(os.path.join(name, "config.json"), "w") as f:
        json.dump(cfg, f, indent=2)
    B, T = 2, 9
    tokens = torch.randint(0, V, (B, T))
    targets = torch.randint(0, V, (B, T))
    targets[0, 2] = -100
    targets[1, 5] = -100
    mask = torch.tensor([[1.0] * T, [0.0, 0.0, 1, 1, 1, 1, 0.5, 1, 1]], dtype=torch.float64)
    if packed:
        seg = torch.tensor([[0, 0, 0, 0, 1, 1, 1, 1, 1], [-1, -1, 3, 3, 3, 3, 3, 4, 4]])
    else:
        seg = torch.zeros(B, T, dtype=torch.int64)
    P = {n: t.double().requires_grad_() for n, t in W.items()}
    logits = forward(cfg, P, tokens, seg)
    lp = torch.log_softmax(logits, -1)
    valid = targets != -100
    nll = -lp.gather(-1, targets.clamp(min=0)[..., None])[..., 0]
    w = mask * valid
    loss = (nll * w).sum() / w.sum()
    loss.backward()
    out = {"logits": logits.detach()}
    for n, t in P.items():
        out["grad." + n] = t.grad
    write_safetensors(os.path.join(name, "golden.safetensors"), out)
    with open(os.path.join(name, "golden.json"), "w") as f:
        json.dump({"B": B, "T": T, "tokens": tokens.flatten().tolist(), "targets": targets.flatten().tolist(),
                   "mask": mask.flatten().tolist(), "seg": seg.flatten().tolist() if packed else None,
                   "loss": loss.item()}, f)
    print(name, "loss", loss.item())

base = {"vocab_size": 64, "hidden_size": 32, "num_hidden_layers": 2, "num_attention_heads": 4,
        "num_key_value_heads": 2, "head_dim": 8, "intermediate_size": 48, "max_position_embeddings": 64,
        "rms_norm_eps": 1e-5, "rope_theta": 10000.0, "hidden_act": "silu", "bos_token_id": 1, "eos_token_id": 2}
make_case("llama", dict(base, architectures=["LlamaForCausalLM"], model_type="llama", tie_word_embeddings=False), False)
make_case("qwen2", dict(base, architectures=["Qwen2ForCausalLM"], model_type="qwen2", tie_word_embeddings=True,
                        rope_theta=1000000.0, num_key_value_heads=1, use_sliding_window=False, sliding_window=4096), True)
make_case("llama3", dict(base, architectures=["LlamaForCausalLM"], model_type="llama", tie_word_embeddings=False,
                         rope_theta=500000.0, rope_scaling={"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0,
                                                            "high_freq_factor": 4.0, "original_max_position_embeddings": 16}), True)
