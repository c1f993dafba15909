-- reporting: a queued report is inserted, marked extracted, then deleted. Its pages are filled by whole chunks
-- of a bulk import, so the update found no room on its page and wrote a new row version elsewhere, with an entry
-- in each of the table's three indexes (2,217 of 95,000 updates stayed on their page in a 100,000-row import).
-- Half of each page is kept free, so that the update (of a column no index holds) stays on its page.
ALTER TABLE report_processing SET (fillfactor = 50);
