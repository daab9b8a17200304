"""What every window shares: the app context and its door, background operations, errors, labels, widgets."""
