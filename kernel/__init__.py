"""The executive: an NT mini-kernel run as `python -m kernel`."""
