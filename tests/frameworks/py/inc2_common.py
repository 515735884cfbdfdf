"""What the INC 2.x scripts share: the language-model wrappers INC's FX backend is given, loaders, eval."""
import torch
from torch import nn

import tiny_models


class CausalLM(nn.Module):
    """The VLM's language model + lm_head under the full model's own module names; input_ids -> logits.

    INC 2.x FX cannot trace the whole VLM (vision tower, mrope position ids), so users hand it the LM."""

    def __init__(self, vlm):
        super().__init__()
        lm = tiny_models.language_model(vlm)
        self.nested = lm is not vlm.model
        if not self.nested:  # transformers < 4.52: model.layers.N
            self.model = lm
        else:  # >= 4.52: model.language_model.layers.N
            self.model = nn.Module()
            self.model.language_model = lm
        self.lm_head = vlm.lm_head

    def forward(self, input_ids):
        # Reached through the attribute path of the names (tracers and torch.export record that path).
        lm = self.model.language_model if self.nested else self.model
        hidden = lm(input_ids=input_ids, use_cache=False).last_hidden_state
        return self.lm_head(hidden)


class MlpPath(nn.Module):
    """The FX-traceable part of the LM for HAWQ_V2 (whose fuse_fx needs one traceable graph): token embeddings
    -> per layer h + mlp(post_attention_layernorm(h)) -> norm -> lm_head, with the model's own module names.
    The attention blocks (q/k/v/o) are left out (HF attention does not trace with torch.fx), and so is
    embed_tokens: HAWQ_V2 sets requires_grad on the input, which must be floating point."""

    def __init__(self, vlm):
        super().__init__()
        lm = tiny_models.language_model(vlm)
        assert lm is vlm.model, "MlpPath is built for the pre-4.52 naming"
        self.embed = lm.embed_tokens  # used by embeddings(), not part of the traced forward
        self.model = nn.Module()
        self.model.layers = nn.ModuleList()
        for layer in lm.layers:
            keep = nn.Module()
            keep.post_attention_layernorm, keep.mlp = layer.post_attention_layernorm, layer.mlp
            self.model.layers.append(keep)
        self.model.norm = lm.norm
        self.lm_head = vlm.lm_head

    def embeddings(self, input_ids):
        with torch.no_grad():
            return self.embed(input_ids).detach()

    def forward(self, h):
        for layer in self.model.layers:
            h = h + layer.mlp(layer.post_attention_layernorm(h))
        return self.lm_head(self.model.norm(h)).reshape(-1, tiny_models.VOCAB)


class Loader:
    """What INC 2.x iterates: (input, label) pairs, with a batch_size attribute."""

    def __init__(self, batches, labels=None):
        self.batches, self.batch_size = batches, 1
        self.labels = labels or [torch.zeros(1, dtype=torch.long)] * len(batches)

    def __iter__(self):
        return iter(zip(self.batches, self.labels))

    def __len__(self):
        return len(self.batches)


def next_token_labels(batches):
    return [torch.cat([b[0, 1:], b[0, :1]]) for b in batches]


def float_linears(model):
    return sum(1 for m in model.modules() if type(m) is nn.Linear)


def make_tuning_eval(fallbacks_needed=2):
    """The accuracy goal a tuning run needs on a random model, made deterministic: it is met once INC has
    fallen back `fallbacks_needed` Linear ops to fp32 (1.0), not before (0.5). INC 2.x MSE_V2 ignores
    max_trials while it is falling back (strategy.py: `if self.re_quant: continue`), so the goal is what
    ends the fallback stage; the re-quant stage then runs once, and stops when the goal is lost again."""
    def evaluate(model):
        return 1.0 if float_linears(model) >= fallbacks_needed else 0.5
    return evaluate


def make_eval(fp32_model, batches):
    """Accuracy 1/(1+MSE of the logits against fp32): 1.0 for fp32, below for any INT8 error."""
    with torch.no_grad():
        ref = [fp32_model(b) for b in batches]

    def evaluate(model):
        with torch.no_grad():
            mse = sum(float((model(b) - r).pow(2).mean()) for b, r in zip(batches, ref)) / len(batches)
        return 1.0 / (1.0 + mse)
    return evaluate
