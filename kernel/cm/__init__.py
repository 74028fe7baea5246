"""The configuration manager: the registry's keys and values and their system services."""
