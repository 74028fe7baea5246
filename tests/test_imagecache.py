"""The image cache (loader/imagecache.py): what pefile found out about an image, kept between runs,
gives the same headers, layouts and exports as parsing again, and a bad or foreign cache is ignored."""
import os
import subprocess
import sys

import pefile
import pytest
from conftest import ROOT, sample_path

from loader import imagecache
from loader.exports import read_exports, read_exports_cached
from loader.image import _build_layout, build_layout
from loader.pe import parse_image

GUEST_BIN = os.path.join(ROOT, "guest", "bin")
IMAGES = [os.path.join(GUEST_BIN, "kernelbase.dll"), os.path.join(GUEST_BIN, "ntoskrnl.exe"),
          sample_path("hello_ntwrite"), sample_path("ldr_ten")]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NTMINI_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _read(path):
    with open(path, "rb") as f:
        return f.read()


@pytest.mark.parametrize("path", IMAGES, ids=os.path.basename)
def test_cached_headers_are_pefiles(cache, path):
    data = _read(path)
    first = parse_image(path, data)             # parsed by pefile, then stored
    assert first._pe is not None
    second = parse_image(path, data)            # from the cache: no pefile object made
    assert second._pe is None and second.key == first.key
    pe = pefile.PE(data=data, fast_load=True)
    h = second.headers
    for name in ("Machine", "NumberOfSections", "Characteristics", "TimeDateStamp"):
        assert getattr(h.FILE_HEADER, name) == getattr(pe.FILE_HEADER, name)
    for name in ("Magic", "ImageBase", "SizeOfImage", "AddressOfEntryPoint", "Subsystem", "SizeOfStackReserve",
                 "SizeOfStackCommit", "SizeOfHeapReserve", "DllCharacteristics", "SectionAlignment", "CheckSum"):
        assert getattr(h.OPTIONAL_HEADER, name) == getattr(pe.OPTIONAL_HEADER, name)
    assert [(d.VirtualAddress, d.Size) for d in h.OPTIONAL_HEADER.DATA_DIRECTORY] == \
        [(d.VirtualAddress, d.Size) for d in pe.OPTIONAL_HEADER.DATA_DIRECTORY]
    assert [(s.Name, s.VirtualAddress, s.Misc_VirtualSize, s.SizeOfRawData, s.PointerToRawData, s.Characteristics)
            for s in h.sections] == \
        [(s.Name, s.VirtualAddress, s.Misc_VirtualSize, s.SizeOfRawData, s.PointerToRawData, s.Characteristics)
         for s in pe.sections]
    assert second.pe.OPTIONAL_HEADER.ImageBase == pe.OPTIONAL_HEADER.ImageBase     # pefile on demand


@pytest.mark.parametrize("path", IMAGES, ids=os.path.basename)
def test_cached_layouts_and_exports_match(cache, path):
    data = _read(path)
    image = parse_image(path, data)
    for base in (image.image_base, 0x7FF700000000):    # preferred and relocated
        fresh = _build_layout(image, base)
        assert build_layout(image, base) == fresh      # computed and stored
        assert any(p.name.startswith(f"layout@{base:x}-") for p in cache.iterdir())
        again = parse_image(path, data)
        assert build_layout(again, base) == fresh      # read back
    exports = read_exports(pefile.PE(data=data, fast_load=True))
    for _ in range(2):
        got = read_exports_cached(parse_image(path, data))
        assert (got.dll_name, got.ordinal_base, got.by_name, got.by_ordinal, got.forwarders) == \
            (exports.dll_name, exports.ordinal_base, exports.by_name, exports.by_ordinal, exports.forwarders)


def test_a_damaged_or_foreign_record_is_ignored(cache):
    path = IMAGES[0]
    data = _read(path)
    key = parse_image(path, data).key
    record = cache / f"headers-{key}.bin"
    for junk in (b"", b"\x00garbage", __import__("marshal").dumps((imagecache.FORMAT + 1, {})),
                 __import__("marshal").dumps((imagecache.FORMAT, {"FILE_HEADER": {}}))):
        record.write_bytes(junk)
        image = parse_image(path, data)
        assert image.image_base == pefile.PE(data=data, fast_load=True).OPTIONAL_HEADER.ImageBase


def test_a_changed_file_is_parsed_again(cache):
    data = bytearray(_read(IMAGES[0]))
    first = parse_image("x.dll", bytes(data))
    lfanew = int.from_bytes(data[0x3C:0x40], "little")
    data[lfanew + 24 + 16:lfanew + 24 + 20] = (0x1234).to_bytes(4, "little")    # AddressOfEntryPoint
    second = parse_image("x.dll", bytes(data))
    assert second.key != first.key and second.entry_rva == 0x1234


def test_refusals_are_not_cached(cache):
    from loader.pe import ImageRefused
    bad = b"MZ" + b"\0" * 0x3A + (0x40).to_bytes(4, "little") + b"XX\0\0" + b"\0" * 200
    for _ in range(2):
        with pytest.raises(ImageRefused):
            parse_image("bad.exe", bad)
    assert not cache.exists() or not list(cache.iterdir())


def test_the_cache_is_bounded(cache, monkeypatch):
    monkeypatch.setattr(imagecache, "MAX_ENTRIES", 5)
    for i in range(12):
        imagecache.store(f"{i:040x}", "headers", {"n": i})
    names = sorted(p.name for p in cache.iterdir())
    assert len(names) == 5
    assert f"headers-{11:040x}.bin" in names                # the newest stay


def test_an_unwritable_cache_is_only_slower(tmp_path):
    """A boot with the cache in an unwritable place runs as well, and a cold and a warm cache give the
    same bytes out."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    outs = []
    for where in (str(blocker / "sub"), str(tmp_path / "c"), str(tmp_path / "c")):
        env = dict(os.environ, NTMINI_CACHE=where)
        r = subprocess.run([sys.executable, "-m", "kernel", "boot", sample_path("ldr_ten")], cwd=ROOT, env=env,
                           capture_output=True, timeout=120)
        outs.append((r.returncode, r.stdout, r.stderr))
    assert outs[0] == outs[1] == outs[2]
    assert (outs[0][0], outs[0][1]) == (45, b"ten DLLs\n")         # samples/ldr_ten/expected.json
    assert list((tmp_path / "c").iterdir())
