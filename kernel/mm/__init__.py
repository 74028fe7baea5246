"""Memory manager: page frames, page tables, address spaces, VADs."""
