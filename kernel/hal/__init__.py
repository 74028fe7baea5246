"""The machine: Unicorn CPU, physical memory, bring-up and the processor's own trap behaviour."""
