"""msvcp140's codecvt<char16_t, char, _Mbstatet> and codecvt<char32_t, char, _Mbstatet>
(samples/msvcp_ucodecvt, through the exported members): UTF-8 <-> UTF-16/UTF-32 with the results
the STL's header defines (ok / partial / error and where each stops, byte order marks, a
surrogate pair split over calls, _Maxcode, length), the STL's object layout and _Getcat; the
data of the otherwise inline facets (messages, moneypunct, money_get/put); and the decorated
export names."""
import subprocess
import sys

from conftest import ROOT, guest_exports, sample_path

# the names clang gives the STL's declaration of the dllimport class for x86_64-pc-windows-msvc
MEMBERS = [
    "??0{c}QEAA@_K@Z", "??0{c}QEAA@AEBV_Locinfo@1@_K@Z", "??0{c}QEAA@AEBV_Locinfo@1@KW4_Codecvt_mode@1@_K@Z",
    "??_F{c}QEAAXXZ", "??1{c}MEAA@XZ", "??_7{c}6B@", "?_Getcat@{c}SA_KPEAPEBVfacet@locale@2@PEBV42@@Z",
    "?_Init@{c}IEAAXAEBV_Locinfo@2@@Z", "?do_always_noconv@{c}MEBA_NXZ", "?do_encoding@{c}MEBAHXZ",
    "?do_in@{c}MEBA?AW4result@codecvt_base@2@AEAU_Mbstatet@@PEBD1AEAPEBDPEA{e}3AEAPEA{e}@Z",
    "?do_length@{c}MEBAHAEAU_Mbstatet@@PEBD1_K@Z", "?do_max_length@{c}MEBAHXZ",
    "?do_out@{c}MEBA?AW4result@codecvt_base@2@AEAU_Mbstatet@@PEB{e}1AEAPEB{e}PEAD3AEAPEAD@Z",
    "?do_unshift@{c}MEBA?AW4result@codecvt_base@2@AEAU_Mbstatet@@PEAD1AEAPEAD@Z",
    "?in@{c}QEBA?AW4result@codecvt_base@2@AEAU_Mbstatet@@PEBD1AEAPEBDPEA{e}3AEAPEA{e}@Z",
    "?length@{c}QEBAHAEAU_Mbstatet@@PEBD1_K@Z",
    "?out@{c}QEBA?AW4result@codecvt_base@2@AEAU_Mbstatet@@PEB{e}1AEAPEB{e}PEAD3AEAPEAD@Z",
    "?unshift@{c}QEBA?AW4result@codecvt_base@2@AEAU_Mbstatet@@PEAD1AEAPEAD@Z"]


def test_the_class_members_are_exported():
    names = guest_exports("msvcp140.dll")
    want = [m.format(c=f"?$codecvt@{e}DU_Mbstatet@@@std@@", e=e) for e in ("_S", "_U") for m in MEMBERS]
    assert [n for n in want if n not in names] == []


INLINE_FACET_DATA = [
    "?id@?$messages@D@std@@2V0locale@2@A", "?id@?$messages@_W@std@@2V0locale@2@A",
    "?id@?$money_get@DV?$istreambuf_iterator@DU?$char_traits@D@std@@@std@@@std@@2V0locale@2@A",
    "?id@?$money_get@_WV?$istreambuf_iterator@_WU?$char_traits@_W@std@@@std@@@std@@2V0locale@2@A",
    "?id@?$money_put@DV?$ostreambuf_iterator@DU?$char_traits@D@std@@@std@@@std@@2V0locale@2@A",
    "?id@?$money_put@_WV?$ostreambuf_iterator@_WU?$char_traits@_W@std@@@std@@@std@@2V0locale@2@A",
    "?id@?$moneypunct@D$00@std@@2V0locale@2@A", "?id@?$moneypunct@D$0A@@std@@2V0locale@2@A",
    "?id@?$moneypunct@_W$00@std@@2V0locale@2@A", "?id@?$moneypunct@_W$0A@@std@@2V0locale@2@A",
    "?intl@?$moneypunct@D$00@std@@2_NB", "?intl@?$moneypunct@D$0A@@std@@2_NB", "?intl@?$moneypunct@_W$00@std@@2_NB",
    "?intl@?$moneypunct@_W$0A@@std@@2_NB", "?table_size@?$ctype@D@std@@2_KB"]


def test_inline_facets_data_is_exported():
    names = guest_exports("msvcp140.dll")
    assert [n for n in INLINE_FACET_DATA if n not in names] == []


def test_conversions():
    result = subprocess.run([sys.executable, "-m", "kernel", "boot", sample_path("msvcp_ucodecvt")],
                            capture_output=True, cwd=ROOT, timeout=300)
    out = result.stdout.decode()
    assert "FAIL" not in out and "missing export" not in out, out
    assert out.count("ok   ") == 31
    assert "in with room for one unit: the high half, three bytes taken, the low half pending" in out
    assert result.returncode == 0
