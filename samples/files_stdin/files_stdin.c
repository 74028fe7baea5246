/* The standard handles as files: what device each one is (FileFsDeviceInformation says what
 * the host's descriptor really is), then stdin copied to stdout through NtReadFile/NtWriteFile
 * until the input ends, with the status that ended it and the byte count. */
#include "../nt.h"

static HANDLE StdErr(void) {
    UCHAR *peb, *params;
    __asm__ volatile ("mov %%gs:0x60, %0" : "=r"(peb));
    params = *(UCHAR **)(peb + 0x20);
    return *(HANDLE *)(params + 0x30);
}

static void Device(const char *label, HANDLE h) {
    FILE_FS_DEVICE_INFORMATION info; IO_STATUS_BLOCK iosb;
    NTSTATUS s = NtQueryVolumeInformationFile(h, &iosb, &info, sizeof(info), FileFsDeviceInformation);
    PrintHex(label, s == 0 ? info.DeviceType : (ULONG)s);
}

void Entry(void) {
    char buffer[64];
    IO_STATUS_BLOCK iosb;
    long long total = 0;
    NTSTATUS s;
    Device("stdin device ", StdIn());
    Device("stdout device ", StdOut());
    Device("stderr device ", StdErr());
    while ((s = NtReadFile(StdIn(), 0, 0, 0, &iosb, buffer, sizeof(buffer), 0, 0)) == 0 && iosb.Information) {
        for (ULONG i = 0; i < iosb.Information; i++)
            if (buffer[i] >= 'a' && buffer[i] <= 'z') buffer[i] -= 32;
        NtWriteFile(StdOut(), 0, 0, 0, &iosb, buffer, (ULONG)iosb.Information, 0, 0);
        total += iosb.Information;
    }
    PrintHex("end status ", (ULONG)s);
    PrintDec("bytes ", total);
    NtWriteFile(StdErr(), 0, 0, 0, &iosb, "to stderr\n", 10, 0, 0);
    NtTerminateProcess(NtCurrentProcess(), 0);
}
