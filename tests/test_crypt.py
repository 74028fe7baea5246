"""Hashes: bcrypt's MD5, SHA-1 and SHA-2 (guest/bcrypt/hash*.c) through CNG and through advapi32's
CryptoAPI, checked against the published test vectors (RFC 1321, FIPS 180 examples, RFC 4231) and
against Python's hashlib for every message samples/advapi_hash hashes."""
import hashlib

from conftest import run_kernel, sample_expectation, sample_path

MESSAGES = [b"", b"abc", b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            b"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
            b"mnopqrstnopqrstu", b"a" * 1000000]
# the published digests of "abc" (RFC 1321 appendix A.5; FIPS 180-2 appendices A-D)
PUBLISHED = {
    "MD5": "900150983cd24fb0d6963f7d28e17f72",
    "SHA1": "a9993e364706816aba3e25717850c26c9cd0d89d",
    "SHA256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    "SHA384": "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
    "SHA512": "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
              "454d4423643ce80e2a9ac94fa54ca49f",
}
PYTHON = {"MD5": "md5", "SHA1": "sha1", "SHA256": "sha256", "SHA384": "sha384", "SHA512": "sha512"}


def _digests():
    result = run_kernel("boot", sample_path("advapi_hash"))
    digests = {}
    for line in result.stdout.decode().splitlines():
        parts = line.split()
        if parts and parts[0] in ("crypt", "bcrypt"):
            digests[parts[0], parts[1], int(parts[2])] = parts[3]
    return result, digests


def test_hash_sample_output_error_codes_and_exit_code():
    expected = sample_expectation("advapi_hash")
    result, _digests_ = _digests()
    lines = result.stdout.decode().splitlines()
    assert result.stdout == expected["stdout"].encode()
    assert result.returncode == 0 == expected["exit_code"]
    assert not [line for line in lines if line.startswith("FAIL")]
    for what in ("SHA-256 on PROV_RSA_FULL: NTE_BAD_ALGID", "data after the value: NTE_BAD_HASH_STATE",
                 "HP_HASHVAL short: ERROR_MORE_DATA and the size", "a short hash object: STATUS_BUFFER_TOO_SMALL",
                 "BCryptFinishHash of the wrong length: STATUS_INVALID_PARAMETER", "the duplicate hashes the same"):
        assert "ok   " + what in lines


def test_digests_match_the_published_vectors_and_hashlib():
    _result, digests = _digests()
    for name, python in PYTHON.items():
        assert digests["crypt", name, 1] == digests["bcrypt", name, 1] == PUBLISHED[name]
        for m, message in enumerate(MESSAGES):
            want = hashlib.new(python, message).hexdigest()
            assert digests["crypt", name, m] == want, (name, m)
            if m < 4:
                assert digests["bcrypt", name, m] == want, (name, m)
    assert len(digests) == 5 * 5 + 5 * 4


def test_hmac_sha256_rfc4231_case_2():
    result, _digests_ = _digests()
    assert "hmac-sha256 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" in \
        result.stdout.decode().splitlines()
