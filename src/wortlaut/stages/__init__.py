"""Pipeline stages: one module per stage, each registering its class with ``register_stage``."""
