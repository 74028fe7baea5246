"""Security identifiers: the fixed ones of the one user every process runs as, and the SID's
binary form (revision 1, sub-authority count, a 48-bit big-endian identifier authority, then
the sub-authorities as little-endian ULONGs)."""
import struct

# The user: a local account of a machine whose domain part is fixed, RID 1000 (the first account
# Windows setup makes). Its name matches USERNAME in the guest's default environment.
MACHINE_DOMAIN = "S-1-5-21-1004336348-1177238915-682003330"
USER_SID = MACHINE_DOMAIN + "-1000"
USER_NAME = "user"
COMPUTER_NAME = "NTMINI"
NONE_GROUP_SID = MACHINE_DOMAIN + "-513"        # the primary group of a local account ("None")
LOGON_SID = "S-1-5-5-0-174593"                  # the logon session's SID
MEDIUM_INTEGRITY_SID = "S-1-16-8192"
SYSTEM_SID = "S-1-5-18"


def sid_bytes(text: str) -> bytes:
    """S-1-5-21-... -> the SID structure."""
    parts = text.split("-")
    if len(parts) < 3 or parts[0].upper() != "S":
        raise ValueError(text)
    revision, authority = int(parts[1]), int(parts[2])
    subs = [int(p) for p in parts[3:]]
    return struct.pack("<BB", revision, len(subs)) + authority.to_bytes(6, "big") + struct.pack(f"<{len(subs)}I", *subs)
