"""Graders and answer preparations shared by several competitions (the reference's common
helpers in ``mlebench/competitions/utils.py`` and the patterns its graders repeat)."""
