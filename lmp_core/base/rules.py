"""The house rules every part shares, in a module that imports nothing (so the command line starts fast)."""

#: Groups and cells with fewer respondents than this are never shown (:mod:`lmp_core.counting.disclosure`).
MIN_GROUP_SIZE = 5

#: Most groups a column may have to group by (more are refused, and a column with more is no group candidate).
MAX_GROUPS = 30
