"""The I/O manager: the mount table and the C: volume over it (mounts, volume, names, disk), file
objects and their opens (file, create, access, share, rw, info, directory, wildcard, volinfo,
lock, notify), devices (device, console, pipe) and completion ports (completion); iomgr brings them
up for a boot."""
