"""KiSystemStartup: bring the machine up the way Windows x64 leaves it for its first process.

Paging on with the system PML4, the kernel image mapped in the kernel half, GDT/TSS/IDT in
nonpaged pool, the KPCR (with its KPRCB) reached through GS, SYSCALL pointed at
KiSystemCall64, and KUSER_SHARED_DATA filled in.
"""
import os
import struct

from loader.exports import read_exports_cached
from loader.image import build_layout
from loader.pe import parse_image

from ..hal import descriptors
from ..hal.cpustate import blob_view, set_kernel_mode
from ..hal.machine import MSR_GS_BASE, MSR_KERNEL_GS_BASE, Machine
from ..layouts import BUILD, LAYOUTS, StructView
from ..mm.system import KERNEL_IMAGE_BASE, KUSER_SHARED_DATA_KERNEL, SystemSpace

GUEST_BIN = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                         "guest", "bin")
# The virtual clock starts at 2024-01-01 00:00:00 UTC (FILETIME, 100 ns units since 1601), unless
# `--real-time` starts it at the host's time of boot (host_boot_time).
BOOT_SYSTEM_TIME = 133485408000000000
FILETIME_UNIX_EPOCH = 116444736000000000       # 1970-01-01 as a FILETIME


def host_boot_time() -> int:
    """The host's current UTC time as a FILETIME, in whole 100 ns units."""
    import time
    return FILETIME_UNIX_EPOCH + time.time_ns() // 100


def guest_image_path(name: str) -> str:
    return os.path.join(GUEST_BIN, name)


class KernelImage:
    """ntoskrnl.exe as mapped: base and exported routine addresses."""

    def __init__(self, base: int, exports: dict[str, int], size: int):
        self.base = base
        self.exports = exports
        self.size = size


def load_kernel_image(system: SystemSpace) -> KernelImage:
    path = guest_image_path("ntoskrnl.exe")
    with open(path, "rb") as f:
        image = parse_image(path, f.read())
    layout = build_layout(image, KERNEL_IMAGE_BASE)
    base = system.map_kernel_image(layout.data, layout.size)
    exp = read_exports_cached(image)
    return KernelImage(base, {name: base + rva for name, rva in exp.by_name.items()}, layout.size)


class Processor:
    """One logical processor's KPCR/KPRCB and descriptor tables.

    The emulator runs one processor at a time on one CPU, so the application processors
    share the boot processor's GDT, TSS and IDT (KiSwapContext rewrites TSS.Rsp0 anyway)."""

    def __init__(self, system: SystemSpace, number: int, kernel_image: KernelImage, boot=None):
        kpcr_layout = LAYOUTS["KPCR"]
        self.kpcr = system.allocate_pool(kpcr_layout.size, 0x1000)
        if boot is None:
            self.gdt = system.allocate_pool(descriptors.GDT_SIZE, 0x10)
            self.tss = system.allocate_pool(descriptors.TSS_SIZE, 0x10)
            self.idt = system.allocate_pool(descriptors.IDT_SIZE, 0x1000)
            system.write(self.gdt, descriptors.build_gdt(self.tss))
            system.write(self.tss, descriptors.build_tss(0))
            system.write(self.idt, descriptors.build_idt(kernel_image.exports))
        else:
            self.gdt, self.tss, self.idt = boot.gdt, boot.tss, boot.idt
        pcr = StructView(system, self.kpcr, kpcr_layout)
        pcr.Self = self.kpcr
        pcr.CurrentPrcb = self.kpcr + kpcr_layout.offset("Prcb")
        pcr.GdtBase = self.gdt
        pcr.TssBase = self.tss
        pcr.IdtBase = self.idt
        pcr.Prcb.Number = number
        self.pcr = pcr
        self.system = system
        self.number = number

    def set_kernel_stack(self, initial_stack: int) -> None:
        """What KiSwapContext does for the incoming thread: KPRCB.RspBase and TSS.Rsp0."""
        self.pcr.Prcb.RspBase = initial_stack
        self.system.write(self.tss + 4, struct.pack("<Q", initial_stack))


def init_shared_user_data(system: SystemSpace, processors: int, physical_pages: int,
                          boot_time: int = BOOT_SYSTEM_TIME) -> StructView:
    kuser = StructView(system, KUSER_SHARED_DATA_KERNEL, LAYOUTS["KUSER_SHARED_DATA"])
    kuser.TickCountMultiplier = 0x0FA00000
    kuser.ImageNumberLow = 0x8664
    kuser.ImageNumberHigh = 0x8664
    kuser.NtSystemRoot = "C:\\Windows".encode("utf-16-le")
    kuser.NtBuildNumber = BUILD["build"]
    kuser.NtProductType = 1                        # NtProductWinNt
    kuser.ActiveConsoleId = 1                      # the interactive session (ob/namespace.py SESSION_ID)
    kuser.ProductTypeIsValid = 1
    kuser.NativeProcessorArchitecture = 9          # PROCESSOR_ARCHITECTURE_AMD64
    kuser.NtMajorVersion = BUILD["major"]
    kuser.NtMinorVersion = BUILD["minor"]
    features = bytearray(64)
    for pf in (2, 3, 6, 7, 8, 10, 12, 13, 14, 17, 20, 23):   # PF_*: cmpxchg, mmx, sse, rdtsc, nx, sse3 ...
        features[pf] = 1
    kuser.ProcessorFeatures = bytes(features)
    kuser.NumberOfPhysicalPages = physical_pages
    kuser.ActiveProcessorCount = processors
    kuser.SystemTime.LowPart = boot_time & 0xFFFFFFFF
    kuser.SystemTime.High1Time = boot_time >> 32
    kuser.SystemTime.High2Time = boot_time >> 32
    kuser.Cookie = 0x4E544D49                      # fixed: runs are deterministic
    return kuser


def KiSystemStartup(phys_size: int):
    """Returns (machine, system space, kernel image, boot processor, kernel-mode context template)."""
    machine = Machine(phys_size)
    system = SystemSpace(machine.phys)
    machine.kernel_write = system.write
    system.flush_tlb = machine.flush_tlb
    kimage = load_kernel_image(system)
    prcb = Processor(system, 0, kimage)
    machine.enable_long_mode_paging(system.tables.pml4)
    machine.load_descriptor_tables(prcb.gdt, descriptors.GDT_SIZE - 1, prcb.idt, system.kernel_pa(prcb.idt),
                                   prcb.tss, system.kernel_pa(prcb.tss))
    machine.set_syscall_entry(kimage.exports["KiSystemCall64"])
    machine.uc.msr_write(MSR_GS_BASE, prcb.kpcr)
    machine.uc.msr_write(MSR_KERNEL_GS_BASE, 0)
    machine.install_trap_hooks()
    template = machine.uc.context_save()
    set_kernel_mode(blob_view(template))
    return machine, system, kimage, prcb, template
