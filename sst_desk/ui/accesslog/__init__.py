"""sst_desk.ui.accesslog."""
