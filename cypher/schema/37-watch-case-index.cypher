CREATE INDEX watch_case IF NOT EXISTS FOR (w:Watch) ON (w.caseId)
