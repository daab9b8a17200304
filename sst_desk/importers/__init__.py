"""File imports: parse a school's export, validate it, and report every problem by line and column.

No Qt, no database: the persistence layer stores what an importer yields
(``sst_desk.persistence.attendance``), the UI and the command line show its problems.
"""
