"""Console and files."""
