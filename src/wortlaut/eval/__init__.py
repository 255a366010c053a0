"""Quality evaluations on external annotated corpora (``wortlaut eval ...``, see docs/quality.md)."""
