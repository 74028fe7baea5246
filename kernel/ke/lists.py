"""Doubly linked LIST_ENTRY lists in guest memory (InitializeListHead, InsertTailList,
RemoveEntryList, and a walk), on the nonpaged pool's 64-bit words (kernel/ke/prcb.py's
GuestWords): addresses are virtual, as the kernel's own lists hold them."""


def InitializeListHead(words, head: int) -> None:
    i = (head - words.delta) >> 3
    words.q[i] = words.q[i + 1] = head


def InsertTailList(words, head: int, entry: int) -> None:
    q, delta = words.q, words.delta
    h = (head - delta) >> 3
    last = q[h + 1]
    e = (entry - delta) >> 3
    q[e] = head
    q[e + 1] = last
    q[(last - delta) >> 3] = entry
    q[h + 1] = entry


def RemoveEntryList(words, entry: int) -> bool:
    """Unlink `entry`; True when the list it was on is empty now."""
    q, delta = words.q, words.delta
    e = (entry - delta) >> 3
    following, previous = q[e], q[e + 1]
    q[(previous - delta) >> 3] = following
    q[((following - delta) >> 3) + 1] = previous
    q[e] = q[e + 1] = entry             # on no list (as RemoveEntryList leaves it, harmless to unlink again)
    return following == previous


def list_entries(words, head: int, limit: int = 1 << 16) -> list:
    """The entries' addresses, first to last."""
    q, delta = words.q, words.delta
    out = []
    entry = q[(head - delta) >> 3]
    while entry != head and entry and len(out) < limit:
        out.append(entry)
        entry = q[(entry - delta) >> 3]
    return out
