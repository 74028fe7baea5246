"""Access masks as the object manager grants them: a type's GENERIC_MAPPING turns GENERIC_READ,
GENERIC_WRITE, GENERIC_EXECUTE and GENERIC_ALL into its specific rights (RtlMapGenericMask),
and MAXIMUM_ALLOWED becomes all of them (there is no security descriptor to refuse anything).
The mappings are those of Windows 10's object types (ExEventMapping, ExMutantMapping, ...)."""

GENERIC_READ, GENERIC_WRITE, GENERIC_EXECUTE, GENERIC_ALL = 0x80000000, 0x40000000, 0x20000000, 0x10000000
MAXIMUM_ALLOWED = 0x02000000
ACCESS_SYSTEM_SECURITY = 0x01000000
SYNCHRONIZE = 0x00100000
EVENT_QUERY_STATE, EVENT_MODIFY_STATE = 0x1, 0x2
SEMAPHORE_QUERY_STATE, SEMAPHORE_MODIFY_STATE = 0x1, 0x2
MUTANT_QUERY_STATE = 0x1

# type -> (GenericRead, GenericWrite, GenericExecute, GenericAll)
GENERIC_MAPPING = {
    "Event": (0x20001, 0x20002, 0x120000, 0x1F0003),
    "Mutant": (0x20001, 0x20000, 0x120000, 0x1F0001),
    "Semaphore": (0x20001, 0x20002, 0x120000, 0x1F0003),
    "Timer": (0x20001, 0x20002, 0x120000, 0x1F0003),
    "KeyedEvent": (0x20001, 0x20002, 0x20000, 0xF0003),
    "Section": (0x20005, 0x20002, 0x20008, 0xF001F),
    "Directory": (0x20003, 0x2000C, 0x20003, 0xF000F),
    "SymbolicLink": (0x20001, 0x20000, 0x20001, 0xF0001),
    "Key": (0x20019, 0x20006, 0x20019, 0xF003F),             # KEY_READ, KEY_WRITE, KEY_EXECUTE, KEY_ALL_ACCESS
    "Token": (0x20008, 0x200E0, 0x20000, 0xF01FF),           # TOKEN_READ, TOKEN_WRITE, TOKEN_EXECUTE, TOKEN_ALL_ACCESS
    "Job": (0x20004, 0x2000B, 0x120000, 0x1F003F),           # JOB_OBJECT_QUERY ... JOB_OBJECT_ALL_ACCESS
    # one specific right (1); GenericAll 0x1F0001, the other three by analogy with IoCompletion's
    "WaitCompletionPacket": (0x20001, 0x20001, 0x120000, 0x1F0001),
    "PowerRequest": (0x20001, 0x20002, 0x120000, 0x1F0003),
}


def ObpMapAccess(type_name: str, access: int) -> int:
    """The access a new handle to an object of type_name is granted for the desired access."""
    access &= 0xFFFFFFFF
    mapping = GENERIC_MAPPING.get(type_name)
    if mapping is None:
        return access
    read, write, execute, every = mapping
    if access & MAXIMUM_ALLOWED:
        access |= every
    for bit, rights in ((GENERIC_READ, read), (GENERIC_WRITE, write), (GENERIC_EXECUTE, execute),
                        (GENERIC_ALL, every)):
        if access & bit:
            access |= rights
    return access & ~(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL | MAXIMUM_ALLOWED)
