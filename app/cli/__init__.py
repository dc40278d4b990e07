"""The terminal face: the `coach` command (main.py) and its groups."""
