"""Stage 3, answers to counts, protected: the counts per question, group and answer (:mod:`.counts`), the
disclosure rule that holds back small groups in every view (:mod:`.disclosure`), counting while a file streams
(:mod:`.stream`) or in a database (:mod:`.sql`), and a table of counts read as counts (:mod:`.frequency`)."""
