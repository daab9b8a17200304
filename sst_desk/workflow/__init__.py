"""The SST process in pure Python: entities, stages, guards, validation.

Nothing in this package may import Qt or SQLAlchemy (a test enforces it), so
the rules can be tested without a screen or a database and reused by the UI,
the command line and the report builders alike.
"""
