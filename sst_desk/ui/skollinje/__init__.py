"""Skollinjen: the attendance chart, its painting, style and text."""
