"""The mount table: which host folders the guest's C: volume is made of, deny by default.

    C:\\Windows\\System32\\  the guest DLL folder (guest/bin), read-only
    C:\\app\\                the image's host folder, read-only
    C:\\work\\               the host's current directory at boot, read-write: the guest's
                            current directory (RTL_USER_PROCESS_PARAMETERS.CurrentDirectory
                            should say GUEST_WORK_DIR)
    C:\\Temp\\               a fresh host folder, removed when the run ends (%TEMP%, %TMP%)
    C:\\Users\\user\\, C:\\Users\\Public\\, C:\\ProgramData\\
                            fresh folders too, with the folders a new Windows 10 profile has
                            (AppData\\Roaming, Documents ...), unless a --mount names them
    --mount GUEST=HOST[:ro]  more; --read-only makes every mount read-only

Folders above the mounts (C:\\, C:\\Windows) exist only as read-only directories listing the
mounts below them. Nothing else of the host can be named: the volume (kernel/io/volume.py)
resolves every name below a mount's real host folder and refuses whatever leaves it.
"""
import os
import shutil
import tempfile
import weakref

from ..ob.namespace import nt_upcase
from .names import valid_component

GUEST_SYSTEM_DIR = "C:\\Windows\\System32\\"
GUEST_APP_DIR = "C:\\app\\"
GUEST_WORK_DIR = "C:\\work\\"
GUEST_TEMP_DIR = "C:\\Temp\\"
# The profile of the one user (kernel/se/sids.py's USER_NAME), the public profile and ProgramData,
# each with the folders Windows 10 creates in a new one.
PROFILE_MOUNTS = {
    "C:\\Users\\user\\": ["AppData\\Roaming", "AppData\\Local", "AppData\\LocalLow", "Contacts", "Desktop",
                           "Documents", "Downloads", "Favorites", "Links", "Music", "Pictures", "Saved Games",
                           "Searches", "Videos", "3D Objects"],
    "C:\\Users\\Public\\": ["Desktop", "Documents", "Downloads", "Music", "Pictures", "Videos"],
    "C:\\ProgramData\\": [],
}


class MountError(ValueError):
    """A --mount the user gave cannot be made (the CLI turns it into one line and exit 64)."""


class Mount:
    def __init__(self, guest: tuple[str, ...], host: str, read_only: bool, removable: bool = False):
        self.guest = guest                          # components below C:\, as the user spelt them
        self.key = tuple(nt_upcase(c) for c in guest)
        self.host = host                            # os.path.realpath of the host folder
        self.read_only = read_only
        self.removable = removable                  # a temporary folder of ours, removed at the end

    @property
    def guest_path(self) -> str:
        return "C:\\" + "".join(c + "\\" for c in self.guest)

    def __repr__(self):
        return f"Mount({self.guest_path} -> {self.host}{' ro' if self.read_only else ''})"


def parse_guest_folder(path: str) -> tuple[str, ...]:
    """`C:\\some\\dir[\\]` -> ('some', 'dir'); only drive C, never the root itself."""
    p = path.replace("/", "\\")
    if len(p) < 3 or nt_upcase(p[:3]) != "C:\\":
        raise MountError(f"guest folder {path!r} must be an absolute path on drive C: (C:\\...)")
    parts = [c for c in p[3:].split("\\") if c]
    if not parts:
        raise MountError("C:\\ itself cannot be mounted; mount a folder below it")
    for c in parts:
        if not valid_component(c):
            raise MountError(f"guest folder {path!r}: {c!r} is not a valid name")
    return tuple(parts)


class MountTable:
    def __init__(self, read_only: bool = False):
        self.read_only = read_only                  # --read-only: every mount is read-only
        self.mounts: list[Mount] = []

    def add(self, guest_path: str, host_path: str, read_only: bool = False, removable: bool = False) -> Mount:
        guest = parse_guest_folder(guest_path)
        if not os.path.isdir(host_path):
            raise MountError(f"{host_path}: not a folder (for {guest_path})")
        key = tuple(nt_upcase(c) for c in guest)
        if any(m.key == key for m in self.mounts):
            raise MountError(f"{guest_path} is mounted twice")
        mount = Mount(guest, os.path.realpath(host_path), read_only or self.read_only, removable)
        self.mounts.append(mount)
        return mount

    def parse_option(self, text: str) -> Mount:
        """--mount GUEST=HOST[:ro]"""
        guest, sep, host = text.partition("=")
        if not sep or not guest or not host:
            raise MountError(f"--mount {text!r}: expected GUEST=HOST[:ro], e.g. C:\\data=./data:ro")
        key = tuple(nt_upcase(c) for c in parse_guest_folder(guest))
        for reserved in (GUEST_SYSTEM_DIR, GUEST_APP_DIR, GUEST_WORK_DIR, GUEST_TEMP_DIR):
            if key[:len(parse_guest_folder(reserved))] == tuple(nt_upcase(c) for c in parse_guest_folder(reserved)):
                raise MountError(f"--mount {guest}: {reserved} and what is below it are the kernel's own mounts")
        read_only = False
        if host.endswith(":ro"):
            host, read_only = host[:-3], True
        elif host.endswith(":rw"):
            host = host[:-3]
        return self.add(guest, host, read_only)

    def set_image_folder(self, folder: str) -> None:
        """C:\\app\\ is the first image's folder (read-only)."""
        if not self.is_mount_root(tuple(nt_upcase(c) for c in parse_guest_folder(GUEST_APP_DIR))):
            try:
                self.add(GUEST_APP_DIR, folder, read_only=True)
            except MountError:
                pass                # no such folder: opening the image will say so

    def find(self, key: tuple[str, ...]) -> tuple[Mount | None, int]:
        """The mount with the longest guest prefix of the upcased components `key`, and its depth."""
        best, depth = None, 0
        for m in self.mounts:
            n = len(m.key)
            if n > depth and key[:n] == m.key:
                best, depth = m, n
        return best, depth

    def children(self, key: tuple[str, ...]) -> dict[str, str]:
        """Mount points and folders above them directly below `key`: upcased name -> name."""
        out = {}
        n = len(key)
        for m in self.mounts:
            if len(m.key) > n and m.key[:n] == key:
                out.setdefault(m.key[n], m.guest[n])
        return out

    def is_mount_root(self, key: tuple[str, ...]) -> bool:
        return any(m.key == key for m in self.mounts)

    def remove_temporary(self) -> None:
        for m in self.mounts:
            if m.removable:
                shutil.rmtree(m.host, ignore_errors=True)


def default_mounts(image_folder: str | None, system_folder: str, work_folder: str | None = None,
                   extra: list[str] = (), read_only: bool = False) -> MountTable:
    """The table of one boot: system folder, image folder, current directory, a fresh temporary
    folder, then the user's --mount options (which may not replace the first four)."""
    table = MountTable(read_only)
    table.add(GUEST_SYSTEM_DIR, system_folder, read_only=True)
    if image_folder is not None:
        table.add(GUEST_APP_DIR, image_folder, read_only=True)
    table.add(GUEST_WORK_DIR, work_folder if work_folder is not None else os.getcwd())
    temp = tempfile.mkdtemp(prefix="ntmini-temp-")
    table.add(GUEST_TEMP_DIR, temp, removable=True)
    weakref.finalize(table, shutil.rmtree, temp, True)     # also when a run never reaches its end
    try:
        for text in extra:
            table.parse_option(text)
    except MountError:
        table.remove_temporary()
        raise
    for guest, folders in PROFILE_MOUNTS.items():
        if table.is_mount_root(tuple(nt_upcase(c) for c in parse_guest_folder(guest))):
            continue                        # the user's own --mount of it wins
        host = tempfile.mkdtemp(prefix="ntmini-profile-")
        for folder in folders:
            os.makedirs(os.path.join(host, *folder.split("\\")), exist_ok=True)
        table.add(guest, host, removable=True)
        weakref.finalize(table, shutil.rmtree, host, True)
    return table
