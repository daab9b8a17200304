"""sst_desk.ui.case."""
