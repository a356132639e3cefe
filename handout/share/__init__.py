"""Share: a built sheet -> what a coach hands out. Files written atomically, PNG previews, e-mails, batches.

atomic.py writes every output file; preview.py is the one place a PDF becomes pixels; mail.py and smtp.py
compose and send the e-mail; figure_export.py writes the figures as SVG and PNG; batch.py builds one sheet
per roster row in parallel.
"""
