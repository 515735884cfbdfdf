"""Tiny Qwen2.5-VL / Qwen3-VL models with the real module names, from a config, random weights, fixed seed."""
import torch
import transformers

SEED = 1234
VOCAB = 512


def _qwen2_5_vl_config():
    from transformers import Qwen2_5_VLConfig
    text = dict(vocab_size=VOCAB, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=256,
                rope_scaling={"type": "mrope", "mrope_section": [2, 3, 3]}, tie_word_embeddings=False)
    vision = dict(depth=2, hidden_size=32, intermediate_size=64, num_heads=2, out_hidden_size=64,
                  fullatt_block_indexes=[1], window_size=56)
    cfg = Qwen2_5_VLConfig(vision_config=vision, image_token_id=VOCAB - 4, video_token_id=VOCAB - 3,
                           vision_start_token_id=VOCAB - 2, vision_end_token_id=VOCAB - 1, **text)
    if hasattr(cfg, "text_config"):  # >= 4.52 keeps the text part in a sub-config
        for k, v in text.items():
            setattr(cfg.text_config, k, v)
    return cfg


def _qwen3_vl_config():
    from transformers import Qwen3VLConfig
    text = dict(vocab_size=VOCAB, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                num_attention_heads=4, num_key_value_heads=2, head_dim=16, max_position_embeddings=256,
                rope_scaling={"rope_type": "default", "mrope_section": [2, 3, 3], "mrope_interleaved": True})
    vision = dict(depth=2, hidden_size=32, intermediate_size=64, num_heads=2, out_hidden_size=64,
                  deepstack_visual_indexes=[0], num_position_embeddings=64)
    return Qwen3VLConfig(text_config=text, vision_config=vision, image_token_id=VOCAB - 4,
                         video_token_id=VOCAB - 3, vision_start_token_id=VOCAB - 2, vision_end_token_id=VOCAB - 1,
                         tie_word_embeddings=False)


MODELS = {"qwen2_5_vl": ("Qwen2_5_VLForConditionalGeneration", _qwen2_5_vl_config),
          "qwen3_vl": ("Qwen3VLForConditionalGeneration", _qwen3_vl_config)}


def available(kind):
    return hasattr(transformers, MODELS[kind][0])


def build(kind):
    cls_name, make_config = MODELS[kind]
    torch.manual_seed(SEED)
    cfg = make_config()
    cfg._attn_implementation = "eager"
    model = getattr(transformers, cls_name)(cfg).eval()
    _randomize(model)
    return model


def _randomize(model):
    """Every tensor distinct (norms near 1, the rest small normal values), so saved tensors can be told apart."""
    g = torch.Generator().manual_seed(SEED)
    with torch.no_grad():
        for name, p in model.named_parameters():
            noise = torch.randn(p.shape, generator=g) * 0.02
            p.copy_(1 + noise if "norm" in name and p.dim() == 1 and name.endswith("weight") else noise)


def language_model(model):
    """The decoder stack plus lm_head, as users hand a VLM's language part to INC 2.x FX."""
    inner = model.model
    return getattr(inner, "language_model", inner)


def naming(model):
    names = {n for n, _ in model.named_modules()}
    return "new" if any(n.startswith("model.language_model.") for n in names) else "old"


def calibration_batches(n=4, seq=16, seed=SEED):
    g = torch.Generator().manual_seed(seed)
    return [torch.randint(0, VOCAB - 8, (1, seq), generator=g) for _ in range(n)]
