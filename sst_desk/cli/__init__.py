"""The ``sst-desk`` command line: ``main`` (the parser and the dispatch), one module per command group.

``cases``, ``demo``, ``printing`` (print), ``backups`` (backup, backups, restore), ``security`` (log,
gallring, registerutdrag), ``attendance`` (import-attendance, attendance-mappings). Each module's
``add_commands`` adds its subcommands and names the function that runs each (``set_defaults(_run=…)``);
``main`` calls ``args._run``. ``common`` opens the database signed in (and asks to confirm), ``auth`` asks
who signs in, ``errors`` turns failures into one sentence, ``format`` prints tables.
"""
