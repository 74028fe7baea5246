"""NtPowerInformation's power-request levels, what kernelbase's PowerCreateRequest,
PowerSetRequest and PowerClearRequest call: PowerRequestCreate (a COUNTED_REASON_CONTEXT in, a
handle to a new PowerRequest object out) and PowerRequestAction (a POWER_REQUEST_ACTION: the
request's handle, the request type, set or clear). A request counts how often each type is set;
nothing here sleeps, so the counts are all the power manager keeps. Other levels are not
implemented here (STATUS_NOT_IMPLEMENTED)."""
import struct

from ..ob.namespace import _return_handle
from ..ob.object import ObCreateObject, ObjectBody
from ..status import (
    STATUS_BUFFER_TOO_SMALL,
    STATUS_INVALID_PARAMETER,
    STATUS_NOT_IMPLEMENTED,
    STATUS_SUCCESS,
    NtStatusError,
)

PowerRequestCreate, PowerRequestAction = 43, 44
POWER_REQUEST_CONTEXT_VERSION = 0
POWER_REQUEST_CONTEXT_SIMPLE_STRING, POWER_REQUEST_CONTEXT_DETAILED_STRING = 0x1, 0x2
POWER_REQUEST_TYPES = 4                 # display, system, away mode, execution required
POWER_REQUEST_ALL_ACCESS = 0x1F0003
COUNTED_REASON_CONTEXT_SIZE = 0x28      # Version, Flags, then the string(s)
POWER_REQUEST_ACTION_SIZE = 0x18        # PowerRequestHandle, RequestType, SetAction, ProcessHandle
POWER_REQUEST_OBJECT_SIZE = 0x20


class PowerRequest(ObjectBody):
    type_name = "PowerRequest"

    def __init__(self, kernel):
        self.address = ObCreateObject(kernel, "PowerRequest", POWER_REQUEST_OBJECT_SIZE)
        self.bind_header(kernel.system, self.address)
        self.counts = [0] * POWER_REQUEST_TYPES


def _create(kernel, thread, inp, inp_len, out, out_len):
    space = thread.process.space
    if inp_len < COUNTED_REASON_CONTEXT_SIZE or not inp:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    version, flags = struct.unpack("<II", space.probe_read(inp, 8))
    if version != POWER_REQUEST_CONTEXT_VERSION or flags not in (POWER_REQUEST_CONTEXT_SIMPLE_STRING,
                                                                 POWER_REQUEST_CONTEXT_DETAILED_STRING):
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if out_len < 8 or not out:
        raise NtStatusError(STATUS_BUFFER_TOO_SMALL)
    request = PowerRequest(kernel)
    request.permanent = False
    _return_handle(thread, out, request, POWER_REQUEST_ALL_ACCESS)


def _action(kernel, thread, inp, inp_len):
    space = thread.process.space
    if inp_len < POWER_REQUEST_ACTION_SIZE or not inp:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    handle, kind, set_action = struct.unpack("<QIB", space.probe_read(inp, 13))
    request = thread.process.handles.lookup(handle, PowerRequest)
    if kind >= POWER_REQUEST_TYPES:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if set_action:
        request.counts[kind] += 1
    elif request.counts[kind]:
        request.counts[kind] -= 1
    else:
        raise NtStatusError(STATUS_INVALID_PARAMETER)    # a clear with nothing set


def NtPowerInformation(kernel, thread, level, inp, inp_len, out, out_len):
    level &= 0xFFFFFFFF
    if level == PowerRequestCreate:
        _create(kernel, thread, inp, inp_len & 0xFFFFFFFF, out, out_len & 0xFFFFFFFF)
    elif level == PowerRequestAction:
        _action(kernel, thread, inp, inp_len & 0xFFFFFFFF)
    else:
        raise NtStatusError(STATUS_NOT_IMPLEMENTED)
    return STATUS_SUCCESS


POWER_SERVICES = {
    "NtPowerInformation": (NtPowerInformation, (
        ("InformationLevel", "u"), ("InputBuffer", "p"), ("InputBufferLength", "u"), ("OutputBuffer", "p"),
        ("OutputBufferLength", "u"))),
}
