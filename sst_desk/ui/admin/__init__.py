"""The administrator's dialogs: settings, backups, gallring, registerutdrag."""
