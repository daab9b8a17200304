"""The team server (issue 13): ``sst-desk serve`` runs the project's use cases on PostgreSQL over HTTPS.

``app`` (the Starlette application: ``create_app``), ``calls`` (which use cases a client may call, and how),
``auth`` (sign-in, tokens, the failure throttle), ``config`` (the configuration file and the server's secret),
``setup`` (``serve --init``). The protocol and the rules: docs/server.md.
"""
