"""The optional native helper (kernel/hal/native): built by `pip install`, loaded with ctypes.

Without a C compiler the install still succeeds; the kernel then counts instructions and
captures traces in pure Python.
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("kernel.hal._native", ["kernel/hal/native/icount.c", "kernel/hal/native/tick.c",
                                                     "kernel/hal/native/syscall.c", "kernel/hal/native/run.c",
                                                     "kernel/hal/native/trace.c"],
                             depends=["kernel/hal/native/icount.h"], optional=True,
                             extra_compile_args=["-O2"])])
