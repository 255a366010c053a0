"""The project's own German time-expression finder and TIMEX3 normaliser (no HeidelTime rules)."""
