"""PE images with pefile: what a file is, how its image lays out in memory, what it imports
and exports. A leaf: it knows nothing of the executive that maps the result."""
