"""Windows structure layouts of the build this kernel imitates: Windows 10 22H2 x64 (19045)."""
from . import win10_19045
from .sdk import amend
from .struct import Layout, Registry, StructView

BUILD = {"name": "Windows 10 22H2", "major": 10, "minor": 0, "build": 19045}
LAYOUTS = Registry(amend(win10_19045.TYPES), win10_19045.ENUMS)

__all__ = ["BUILD", "LAYOUTS", "Layout", "StructView"]
