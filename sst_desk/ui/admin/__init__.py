"""sst_desk.ui.admin."""
