"""The driver's settings, carried to Ray workers so that they analyse with the same settings.

A Ray worker is a fresh process, started by the raylet (on a cluster, on
another machine): it never saw the driver's ``--config FILE``, and on a
cluster not its ``WORTLAUT_*`` variables either, so its ``get_settings()``
would fall back to the defaults (or to a ``wortlaut.toml`` lying in its own
working directory).  :class:`DriverSettings` holds what the driver's settings
were resolved from, the text of the settings file in effect and the set
``WORTLAUT_*`` variables, and :meth:`DriverSettings.apply` makes a worker
resolve the very same settings through the ordinary ``get_settings()``: every
stage keeps asking for its settings where it needs them.  Relative paths in the
settings are resolved against the worker's working directory, as in any process.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from wortlaut.settings import config_file, environment_keys, get_settings, use_config

#: Prefix of the settings files workers write into their temporary folder (one per distinct text).
FILE_PREFIX = "wortlaut-driver-settings-"


@dataclass(frozen=True, slots=True)
class DriverSettings:
    """The settings file's text (empty: none) and the set ``WORTLAUT_*`` variables of the driver."""

    config_text: str = ""
    environ: tuple[tuple[str, str], ...] = ()

    @classmethod
    def capture(cls) -> DriverSettings:
        """What this process's settings come from; checks them first, so a bad file fails here."""
        get_settings()
        path = config_file()
        text = path.read_text(encoding="utf-8") if path is not None else ""
        names = [variable for _key, variable, _cls in environment_keys()]
        return cls(text, tuple((name, os.environ[name]) for name in names if os.environ.get(name)))

    def apply(self) -> None:
        """Make this process's ``get_settings()`` resolve to the driver's settings."""
        use_config(self._file())
        wanted = dict(self.environ)
        for _key, variable, _cls in environment_keys():
            if variable in wanted:
                os.environ[variable] = wanted[variable]
            else:
                os.environ.pop(variable, None)

    def _file(self) -> Path:
        """The settings text as a file (an empty one for the defaults, so no ./wortlaut.toml is read)."""
        digest = hashlib.sha256(self.config_text.encode("utf-8")).hexdigest()[:16]
        path = Path(tempfile.gettempdir()) / f"{FILE_PREFIX}{digest}.toml"
        if not path.is_file():
            partial = path.with_suffix(f".{os.getpid()}.part")
            partial.write_text(self.config_text, encoding="utf-8")
            os.replace(partial, path)  # atomic: two actors on one machine may write it at once
        return path


__all__ = ["DriverSettings"]
