"""The desktop window (PySide6), in feature folders; every use case through ``context.door`` (docs/ui.md)."""
