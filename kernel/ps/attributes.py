"""NtCreateUserProcess's two side structures: the PS_ATTRIBUTE_LIST a creator passes (what it
asks for and where it wants results) and the PS_CREATE_INFO it gets back (how far creation came).

PS_ATTRIBUTE_LIST is TotalLength (SIZE_T) then PS_ATTRIBUTEs of 32 bytes: Attribute (its number,
with PS_ATTRIBUTE_THREAD 0x10000, _INPUT 0x20000 and _ADDITIVE 0x40000), Size, Value or ValuePtr,
ReturnLength."""
import struct

from ..status import STATUS_INVALID_PARAMETER, NtStatusError

PS_ATTRIBUTE_PARENT_PROCESS = 0x60000
PS_ATTRIBUTE_DEBUG_OBJECT = 0x60001
PS_ATTRIBUTE_TOKEN = 0x60002
PS_ATTRIBUTE_CLIENT_ID = 0x10003
PS_ATTRIBUTE_TEB_ADDRESS = 0x10004
PS_ATTRIBUTE_IMAGE_NAME = 0x20005
PS_ATTRIBUTE_IMAGE_INFO = 0x00006
PS_ATTRIBUTE_MEMORY_RESERVE = 0x20007
PS_ATTRIBUTE_PRIORITY_CLASS = 0x20008
PS_ATTRIBUTE_ERROR_MODE = 0x20009
PS_ATTRIBUTE_STD_HANDLE_INFO = 0x2000A
PS_ATTRIBUTE_HANDLE_LIST = 0x2000B
PS_ATTRIBUTE_GROUP_AFFINITY = 0x3000C
PS_ATTRIBUTE_PREFERRED_NODE = 0x2000D
PS_ATTRIBUTE_IDEAL_PROCESSOR = 0x3000E
PS_ATTRIBUTE_MITIGATION_OPTIONS = 0x60010
PS_ATTRIBUTE_PROTECTION_LEVEL = 0x60011
PS_ATTRIBUTE_JOB_LIST = 0x20013
PS_ATTRIBUTE_CHILD_PROCESS_POLICY = 0x20014
PS_ATTRIBUTE_ALL_APPLICATION_PACKAGES_POLICY = 0x20015
PS_ATTRIBUTE_DESKTOP_APP_POLICY = 0x20019
# Accepted and not acted on: this kernel has no NUMA nodes, mitigations, protected processes or
# AppContainers, so these change nothing here.
_NO_EFFECT = {PS_ATTRIBUTE_MEMORY_RESERVE, PS_ATTRIBUTE_PREFERRED_NODE, PS_ATTRIBUTE_MITIGATION_OPTIONS,
              PS_ATTRIBUTE_PROTECTION_LEVEL, PS_ATTRIBUTE_CHILD_PROCESS_POLICY, PS_ATTRIBUTE_ERROR_MODE,
              PS_ATTRIBUTE_ALL_APPLICATION_PACKAGES_POLICY, PS_ATTRIBUTE_DESKTOP_APP_POLICY,
              PS_ATTRIBUTE_GROUP_AFFINITY, PS_ATTRIBUTE_IDEAL_PROCESSOR, PS_ATTRIBUTE_TOKEN,
              PS_ATTRIBUTE_DEBUG_OBJECT}
_OUTPUTS = {PS_ATTRIBUTE_CLIENT_ID, PS_ATTRIBUTE_TEB_ADDRESS, PS_ATTRIBUTE_IMAGE_INFO}
MAX_ATTRIBUTES = 64

# PS_STD_HANDLE_INFO.StdHandleState
PS_NEVER_DUPLICATE, PS_REQUEST_DUPLICATE, PS_ALWAYS_DUPLICATE = 0, 1, 2

# PS_CREATE_INFO.State and its size (x64)
PS_CREATE_INITIAL_STATE, PS_CREATE_FAIL_ON_FILE_OPEN, PS_CREATE_FAIL_ON_SECTION_CREATE = 0, 1, 2
PS_CREATE_FAIL_EXE_FORMAT, PS_CREATE_FAIL_MACHINE_MISMATCH, PS_CREATE_FAIL_EXE_NAME, PS_CREATE_SUCCESS = 3, 4, 5, 6
PS_CREATE_INFO_SIZE = 0x58


class CreateAttributes:
    """What a creator's attribute list asks for, and where each result goes."""

    def __init__(self):
        self.image_name = None          # the image's NT path (PS_ATTRIBUTE_IMAGE_NAME)
        self.parent_handle = None       # PS_ATTRIBUTE_PARENT_PROCESS
        self.priority_class = None      # PROCESS_PRIORITY_CLASS.PriorityClass
        self.std_handle_state = PS_NEVER_DUPLICATE
        self.std_handle_subsystem = 0
        self.handle_list = None         # PS_ATTRIBUTE_HANDLE_LIST: the handles a child may inherit
        self.job_handles: list[int] = []
        self.outputs: list[tuple] = []  # (attribute, size, address, return-length address)


def capture_attribute_list(space, va: int) -> CreateAttributes:
    """Read the list from the creator's memory, checking it as PspBuildCreateProcessContext does."""
    attrs = CreateAttributes()
    if not va:
        return attrs
    total = struct.unpack("<Q", space.probe_read(va, 8))[0]
    count, rest = divmod(total - 8, 32)
    if total < 8 or rest or count > MAX_ATTRIBUTES:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    raw = space.probe_read(va + 8, 32 * count)
    seen = set()
    for i in range(count):
        attribute, size, value, return_length = struct.unpack_from("<QQQQ", raw, 32 * i)
        if attribute in seen and not attribute & 0x40000:
            raise NtStatusError(STATUS_INVALID_PARAMETER)       # once each, but for additive ones
        seen.add(attribute)
        if attribute == PS_ATTRIBUTE_IMAGE_NAME:
            if not size or size & 1 or size > 0xFFFE:
                raise NtStatusError(STATUS_INVALID_PARAMETER)
            attrs.image_name = space.probe_read(value, size).decode("utf-16-le", "surrogatepass")
        elif attribute == PS_ATTRIBUTE_PARENT_PROCESS:
            attrs.parent_handle = value
        elif attribute == PS_ATTRIBUTE_PRIORITY_CLASS:
            attrs.priority_class = space.probe_read(value, 1)[0] if size == 1 else value & 0xFF
        elif attribute == PS_ATTRIBUTE_STD_HANDLE_INFO:
            if size != 8:
                raise NtStatusError(STATUS_INVALID_PARAMETER)
            flags, subsystem = struct.unpack("<II", space.probe_read(value, 8))
            attrs.std_handle_state = flags & 3
            attrs.std_handle_subsystem = subsystem
        elif attribute == PS_ATTRIBUTE_HANDLE_LIST:
            if size % 8 or size > 8 * 0x10000:
                raise NtStatusError(STATUS_INVALID_PARAMETER)
            data = space.probe_read(value, size)
            attrs.handle_list = list(struct.unpack(f"<{size // 8}Q", data))
        elif attribute == PS_ATTRIBUTE_JOB_LIST:
            if size % 8:
                raise NtStatusError(STATUS_INVALID_PARAMETER)
            attrs.job_handles = list(struct.unpack(f"<{size // 8}Q", space.probe_read(value, size)))
        elif attribute in _OUTPUTS:
            attrs.outputs.append((attribute, size, value, return_length))
        elif attribute not in _NO_EFFECT:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
    return attrs


def write_attribute_outputs(space, attrs: CreateAttributes, results: dict) -> None:
    """Each output attribute's value, truncated to the size the creator gave, and its length."""
    for attribute, size, address, return_length in attrs.outputs:
        data = results.get(attribute, b"")
        data = data[:size]
        if address and data:
            space.probe_write(address, data)
        if return_length:
            space.probe_write(return_length, struct.pack("<Q", len(data)))


def write_create_info(space, va: int, state: int, body: bytes = b"") -> None:
    """PS_CREATE_INFO.State and the union member for that state."""
    if va:
        space.probe_write(va + 8, struct.pack("<Q", state) + body)


def check_create_info(space, va: int) -> None:
    if va and struct.unpack("<Q", space.probe_read(va, 8))[0] != PS_CREATE_INFO_SIZE:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
