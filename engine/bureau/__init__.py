"""The finance bureau's side: many submissions at once (batch, with a time limit per
file), the summary workbook, and the bundled sample submissions of the demo.  May import
book, files and core; never the terminal edge."""
