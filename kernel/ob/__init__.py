"""Object manager: kernel objects and handle tables."""
