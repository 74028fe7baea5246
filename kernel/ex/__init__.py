"""System services and the service table."""
