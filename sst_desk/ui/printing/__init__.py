"""sst_desk.ui.printing.printing."""
