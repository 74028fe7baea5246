"""The Microsoft STL's satellite DLLs (msvcp140_atomic_wait, msvcp140_1, msvcp140_2, msvcp140_codecvt_ids)
under samples/msvcp_satellites, which calls their exports with the STL's signatures: atomic waits
woken by another thread and timing out, cmpxchg16b, the thread pool work of the parallel
algorithms, syncstream's mutexes, tzdb without ICU, the pmr resources through their vftables, the
codecvt ids numbered by msvcp140, msvcp140's shared_ptr lock. Also the export lists against the STL's own."""
import os
import subprocess
import sys

import pefile
import pytest
from conftest import ROOT, sample_path

BIN = os.path.join(ROOT, "guest", "bin")
# stl/src/msvcp_atomic_wait.src of microsoft/STL: the satellite's whole export list
ATOMIC_WAIT = """__std_acquire_shared_mutex_for_instance __std_atomic_compare_exchange_128 __std_atomic_get_mutex
__std_atomic_has_cmpxchg16b __std_atomic_notify_all_direct __std_atomic_notify_all_indirect
__std_atomic_notify_one_direct __std_atomic_notify_one_indirect __std_atomic_set_api_level __std_atomic_wait_direct
__std_atomic_wait_get_deadline __std_atomic_wait_get_remaining_timeout __std_atomic_wait_indirect
__std_bulk_submit_threadpool_work __std_calloc_crt __std_close_threadpool_work __std_create_threadpool_work
__std_execution_wait_on_uchar __std_execution_wake_by_address_all __std_free_crt
__std_parallel_algorithms_hw_threads __std_release_shared_mutex_for_instance __std_submit_threadpool_work
__std_tzdb_delete_current_zone __std_tzdb_delete_leap_seconds __std_tzdb_delete_sys_info
__std_tzdb_delete_time_zones __std_tzdb_get_current_zone __std_tzdb_get_leap_seconds __std_tzdb_get_sys_info
__std_tzdb_get_time_zones __std_wait_for_threadpool_work_callbacks""".split()
# memory_resource.cpp's _CRT_SATELLITE_1 functions
PMR = ["_Aligned_get_default_resource", "_Aligned_new_delete_resource", "_Aligned_set_default_resource",
       "_Unaligned_get_default_resource", "_Unaligned_new_delete_resource", "_Unaligned_set_default_resource",
       "null_memory_resource"]
# special_math.cpp's _CRT_SATELLITE_2 functions, each with its float overload
SPECIAL_MATH = [f"__std_smf_{n}{f}" for n in """assoc_laguerre assoc_legendre beta comp_ellint_1 comp_ellint_2
comp_ellint_3 cyl_bessel_i cyl_bessel_j cyl_bessel_k cyl_neumann ellint_1 ellint_2 ellint_3 expint hermite hypot3
laguerre legendre riemann_zeta sph_bessel sph_legendre sph_neumann""".split() for f in ("", "f")]
# ulocale.cpp's four ids
CODECVT_IDS = ["?id@?$codecvt@_SDU_Mbstatet@@@std@@2V0locale@2@A", "?id@?$codecvt@_UDU_Mbstatet@@@std@@2V0locale@2@A",
               "?id@?$codecvt@_S_QU_Mbstatet@@@std@@2V0locale@2@A", "?id@?$codecvt@_U_QU_Mbstatet@@@std@@2V0locale@2@A"]


def exports(dll):
    pe = pefile.PE(os.path.join(BIN, dll))
    return sorted(e.name.decode() for e in pe.DIRECTORY_ENTRY_EXPORT.symbols if e.name)


@pytest.mark.parametrize("dll,names", [("msvcp140_atomic_wait.dll", ATOMIC_WAIT), ("msvcp140_1.dll", PMR),
                                       ("msvcp140_codecvt_ids.dll", CODECVT_IDS), ("msvcp140_2.dll", SPECIAL_MATH)])
def test_exports_are_the_stls(dll, names):
    assert exports(dll) == sorted(names)


@pytest.mark.parametrize("cpus", [1, 4])
def test_the_satellites_under_a_program(cpus):
    result = subprocess.run([sys.executable, "-m", "kernel", "boot", "--cpus", str(cpus),
                             sample_path("msvcp_satellites")], capture_output=True, cwd=ROOT, timeout=600)
    out = result.stdout.decode()
    assert "FAIL" not in out, out
    assert out.count("ok   ") == 37
    assert "wait_indirect with 10 ms and nobody notifying: FALSE, ERROR_TIMEOUT" in out
    assert result.returncode == 0


def test_special_math():
    """msvcp140_2 under samples/msvcp_specmath: 36 values against mpmath's, edge values, NaN passed
    through, the domain errors (NaN and EDOM)."""
    result = subprocess.run([sys.executable, "-m", "kernel", "boot", sample_path("msvcp_specmath")],
                            capture_output=True, cwd=ROOT, timeout=600)
    out = result.stdout.decode()
    assert "FAIL" not in out, out
    assert out.count("ok   ") == 62
    assert "ok   riemann_zeta(1): the pole, EDOM" in out
    assert result.returncode == 0
