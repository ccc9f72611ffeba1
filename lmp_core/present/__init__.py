"""Stage 5, what a person reads: tables (:mod:`.tables`), charts (:mod:`.charts`) and their images
(:mod:`.chart_images`, drawn in a worker process by :mod:`.chart_worker`), the method text (:mod:`.method`) and
the report in Word, HTML, Excel and PowerPoint (:mod:`.report`)."""
