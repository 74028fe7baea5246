"""Errors the user can cause: each ends the command with one line on stderr and its own exit status."""

# Exit statuses of the command itself, chosen above the guest's 0-255 range where they can
# collide with nothing a user would mistake; they are documented in the README.
EXIT_USAGE = 64          # bad option or missing argument (EX_USAGE)
EXIT_NO_INPUT = 66       # image file missing or unreadable (EX_NOINPUT)
EXIT_NOT_PE = 65         # not a PE image at all (EX_DATAERR)
EXIT_UNSUPPORTED = 69    # a PE/file kind that this kernel refuses to run (EX_UNAVAILABLE)
EXIT_ABNORMAL = 70       # the guest ended abnormally or with a code outside 0-255
EXIT_DEADLOCK = 75       # every thread waits on something that can never come (EX_TEMPFAIL)
EXIT_INTERNAL = 71       # an executive bug (bugcheck)
EXIT_CANT_CREATE = 73    # an output file (--timeline, --events, --report) cannot be written (EX_CANTCREAT)
EXIT_LIMIT = 124         # a limit ended the run (--max-instructions, --timeout, --max-output), as timeout(1)


class ImageOpenError(Exception):
    """The executive cannot open the image it was asked to run (stage 2); `reason` says why:
    "no-input" (missing or unreadable), "not-pe" or "unsupported". The CLI picks the exit status."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


# The CLI's exit status for each reason an image cannot be opened.
IMAGE_OPEN_EXIT = {"no-input": EXIT_NO_INPUT, "not-pe": EXIT_NOT_PE, "unsupported": EXIT_UNSUPPORTED}


class UserError(Exception):
    """A user-caused error: its message is printed as one line and exit_status is returned."""

    def __init__(self, message: str, exit_status: int):
        super().__init__(message)
        self.exit_status = exit_status
