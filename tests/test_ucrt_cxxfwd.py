"""ucrtbase.dll's C++ exception and RTTI exports (guest/ucrtbase/ucrtbase.def) are forwarders to
vcruntime140.dll: the sample ucrt_cxxfwd resolves each through the UCRT and gets vcruntime140's
own address; __std_type_info_name (type_info::name) undecorates through the UCRT's __unDName."""
from conftest import run_kernel, sample_path

NAMES = """_CxxThrowException __CxxFrameHandler __CxxFrameHandler2 __CxxFrameHandler3 __RTCastToVoid
    __RTDynamicCast __RTtypeid __current_exception __current_exception_context __intrinsic_setjmp
    __intrinsic_setjmpex __processing_throw __std_exception_copy __std_exception_destroy __std_type_info_compare
    __std_type_info_destroy_list __std_type_info_hash __std_type_info_name __uncaught_exception _get_unexpected
    _local_unwind _set_se_translator set_unexpected unexpected""".split()


def test_forwarders_resolve_to_vcruntime():
    r = run_kernel("boot", sample_path("ucrt_cxxfwd"))
    assert r.returncode == 0
    lines = r.stdout.decode().splitlines()
    assert lines == ["vcruntime140 loaded 1"] + [f"{n} 1 1" for n in NAMES] + [
        "[class app::Widget] [int * __ptr64] [struct std::pair<int,double>]"]     # type_info::name
