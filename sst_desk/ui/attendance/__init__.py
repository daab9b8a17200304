"""sst_desk.ui.attendance."""
