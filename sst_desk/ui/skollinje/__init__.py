"""sst_desk.ui.skollinje."""
