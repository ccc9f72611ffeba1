"""The house rules every part shares, in a module that imports nothing (so the command line starts fast)."""

#: Groups and cells with fewer respondents than this are never shown (:mod:`lmp_core.counting.disclosure`).
MIN_GROUP_SIZE = 5

#: A number question's median and quartiles are shown only from this many answers in a cell: from fewer they are
#: single answers, and with n, the mean and the SD they give the smallest and largest answer (a group of five:
#: the quartiles are its 2nd, 3rd and 4th answers, and the sum and sum of squares leave the 1st and 5th).
MIN_ANSWERS_FOR_QUARTILES = 10

#: Most groups a column may have to group by (more are refused, and a column with more is no group candidate).
MAX_GROUPS = 30
