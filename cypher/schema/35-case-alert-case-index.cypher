CREATE INDEX case_alert_case IF NOT EXISTS FOR (a:CaseAlert) ON (a.caseId, a.raisedAt)
