"""Team → Statistik: the team's (or one's own cases') figures, tables and charts, and their export (issue 15)."""
