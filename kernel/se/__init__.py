"""The security reference monitor's part here: the token every process runs with."""
