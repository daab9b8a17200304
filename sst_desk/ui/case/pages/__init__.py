"""One page per stage of the case window, plus the history."""
