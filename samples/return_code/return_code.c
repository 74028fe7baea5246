/* Imports nothing: the entry point's return value becomes the process exit code. */
int Entry(void) { return 42; }
