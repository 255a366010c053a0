"""Sample articles shipped with wortlaut (see README.md here); ``SAMPLES_DIR`` is their folder."""

from pathlib import Path

#: The folder with the sample files, for ``wortlaut analyze`` and the demo.
SAMPLES_DIR = Path(__file__).resolve().parent
