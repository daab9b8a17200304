"""sst_desk.ui.common."""
