"""Claims: what the reporter signals about a statement (its hedge)."""
