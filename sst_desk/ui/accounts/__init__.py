"""sst_desk.ui.accounts."""
