"""Stage 4, the statistics of a view: a request's protected view and its summary (:mod:`.view`,
:mod:`.stats`), tests across groups (:mod:`.groups`, :mod:`.independence`), the other kinds of question
(:mod:`.kind_stats`), indices (:mod:`.indices`), weights (:mod:`.weights`), waves (:mod:`.waves`), fieldwork
(:mod:`.fieldwork`), comments (:mod:`.comments`) and the setup's decisions (:mod:`.decisions`)."""
