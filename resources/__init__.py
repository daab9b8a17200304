"""Data files shipped with SST Desk (found through ``sst_desk.paths.resource``)."""
