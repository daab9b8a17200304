"""The attendance import dialog: the file, its columns, the questions it asks, the check and the result."""
