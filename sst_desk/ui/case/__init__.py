"""One case: the case window, its stage pages, forms as data, members, the consent gate, a new case."""
