"""A client's side of the team server (issue 13): the wire format (``wire``), the client library (``client``:
``RemoteServer``, ``RemoteSession.door``), its errors (``errors``) and printing through any door (``printing``).
"""
