"""Co-editing (issue 14): an open case as a shared pycrdt document (``casedoc``). Pure: no Qt, no database."""
