"""Process and thread creation and exit (the seven stages)."""
