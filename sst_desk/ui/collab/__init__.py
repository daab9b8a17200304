"""Qt widgets on a shared (pycrdt) case document: text binding with own-typing undo, form binding, presence."""
