"""The main window and its case list (model, filter as you type)."""
