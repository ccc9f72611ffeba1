"""Stage 0, what every stage uses: the error class and its notes, the house rules, the words (the
catalogue), number formatting, spelling rules, threads and text sanitising. Imports no other stage."""
