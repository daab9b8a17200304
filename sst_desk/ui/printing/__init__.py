"""Printing from the window: a case's documents, the preview, the batch print, the printouts list."""
