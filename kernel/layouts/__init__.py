"""Windows structure layouts of the build this kernel imitates (see win10_19045.py)."""
from .struct import Layout, StructView
from .win10_19045 import BUILD, LAYOUTS

__all__ = ["BUILD", "LAYOUTS", "Layout", "StructView"]
