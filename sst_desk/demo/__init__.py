"""sst_desk.demo.generate."""
