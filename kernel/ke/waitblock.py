"""KWAIT_BLOCKs: one per object a thread waits on, in KTHREAD.WaitBlock[] (three objects, as
THREAD_WAIT_OBJECTS) or, for more, in an array of 64 in nonpaged pool that the thread keeps;
KTHREAD.WaitBlockList points at the first and WaitBlockCount says how many. Each block's
WaitListEntry is linked into its object's DISPATCHER_HEADER.WaitListHead; its Thread and
Object point back, WaitKey is its index (STATUS_WAIT_0 + WaitKey) and WaitType the wait's."""
import struct

from ..layouts import LAYOUTS
from .kthread import OFF_WAIT_BLOCK, OFF_WAIT_BLOCK_COUNT
from .lists import InsertTailList, RemoveEntryList

KWAIT_BLOCK = LAYOUTS["KWAIT_BLOCK"]
BLOCK_SIZE = KWAIT_BLOCK.size
OFF_WAIT_TYPE = KWAIT_BLOCK.offset("WaitType")
OFF_BLOCK_STATE = KWAIT_BLOCK.offset("BlockState")
OFF_WAIT_KEY = KWAIT_BLOCK.offset("WaitKey")
OFF_THREAD = KWAIT_BLOCK.offset("Thread")
OFF_OBJECT = KWAIT_BLOCK.offset("Object")
THREAD_WAIT_OBJECTS = 3
MAXIMUM_WAIT_OBJECTS = 64
WaitBlockActive, WaitBlockInactive = 4, 5           # KWAIT_BLOCK_STATE
_BBH = struct.Struct("<BBH")
_Q = struct.Struct("<Q")


def _blocks_base(kernel, thread, count: int) -> int:
    if count <= THREAD_WAIT_OBJECTS:
        return thread.address + OFF_WAIT_BLOCK
    if thread.wait_block_array is None:
        thread.wait_block_array = kernel.system.allocate_pool(MAXIMUM_WAIT_OBJECTS * BLOCK_SIZE, 0x10)
    return thread.wait_block_array


def KiInsertWaitBlocks(kernel, thread, objects, wait_type: int) -> None:
    """Fill a block per object and queue each on its object's wait list (KiCommitThreadWait)."""
    words = kernel.dispatcher.words
    mem = kernel.mem
    delta = words.delta
    base = _blocks_base(kernel, thread, len(objects))
    for index, obj in enumerate(objects):
        block = base + index * BLOCK_SIZE
        pa = block - delta
        _BBH.pack_into(mem, pa + OFF_WAIT_TYPE, wait_type, WaitBlockActive, index)
        _Q.pack_into(mem, pa + OFF_THREAD, thread.address)
        _Q.pack_into(mem, pa + OFF_OBJECT, obj.dispatcher_header)
        words.objects[obj.dispatcher_header] = obj
        InsertTailList(words, obj.wait_list_head(), block)
    thread.wait_block_list = base if objects else 0
    mem[thread._pa + OFF_WAIT_BLOCK_COUNT] = len(objects)


def wait_block_count(thread) -> int:
    return thread._mem[thread._pa + OFF_WAIT_BLOCK_COUNT]


def KiRemoveWaitBlocks(kernel, thread) -> None:
    """Take the thread's blocks off their objects' wait lists; they stay as they were, inactive."""
    words = kernel.dispatcher.words
    mem = kernel.mem
    count = wait_block_count(thread)
    base = thread.wait_block_list
    for index in range(count):
        block = base + index * BLOCK_SIZE
        RemoveEntryList(words, block)
        mem[block - words.delta + OFF_BLOCK_STATE] = WaitBlockInactive
    mem[thread._pa + OFF_WAIT_BLOCK_COUNT] = 0


def block_fields(kernel, block: int) -> tuple:
    """(thread, object, WaitKey, WaitType) of one active block, as handles onto guest memory;
    None for a block no longer waiting."""
    words = kernel.dispatcher.words
    pa = block - words.delta
    wait_type, state, key = _BBH.unpack_from(kernel.mem, pa + OFF_WAIT_TYPE)
    if state != WaitBlockActive:
        return None
    thread = words.threads[_Q.unpack_from(kernel.mem, pa + OFF_THREAD)[0]]
    obj = words.objects[_Q.unpack_from(kernel.mem, pa + OFF_OBJECT)[0]]
    return thread, obj, key, wait_type


def waited_objects(kernel, thread) -> list:
    """The objects of the thread's wait, in WaitKey order."""
    words = kernel.dispatcher.words
    base = thread.wait_block_list
    mem = kernel.mem
    return [words.objects[_Q.unpack_from(mem, base + i * BLOCK_SIZE - words.delta + OFF_OBJECT)[0]]
            for i in range(wait_block_count(thread))]

