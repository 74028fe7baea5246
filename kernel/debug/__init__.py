"""A kernel debugger's views of the emulated machine: WinDbg's commands over guest memory."""
