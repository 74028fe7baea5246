"""The optional native helper (kernel/hal/native): built by `pip install`, loaded with ctypes.

Without a C compiler the install still succeeds and the kernel uses its pure-Python counter.
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("kernel.hal._icount", ["kernel/hal/native/icount.c"], optional=True,
                             extra_compile_args=["-O2"])])
