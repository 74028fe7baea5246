"""Loading the native helper (kernel/hal/native/*.c, built by `pip install` as kernel.hal._native).

`NTMINI_PURE_PYTHON=1`, or an install without a C compiler, gives None: the callers then use
their pure-Python equivalents.
"""
import ctypes
import importlib.machinery
import os

_loaded: list = []


def native_library():
    if os.environ.get("NTMINI_PURE_PYTHON"):
        return None
    if _loaded:
        return _loaded[0]
    here = os.path.dirname(os.path.abspath(__file__))
    lib = None
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = os.path.join(here, "_native" + suffix)
        if os.path.exists(path):
            try:
                lib = ctypes.CDLL(path)
            except OSError:
                lib = None
            break
    _loaded.append(lib)
    return lib
