"""Accounts: sign-in, the password dialog, the users dialog and its forms."""
