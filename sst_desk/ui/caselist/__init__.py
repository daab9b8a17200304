"""sst_desk.ui.caselist.caselist."""
