CREATE INDEX case_grant_user IF NOT EXISTS FOR (g:CaseGrant) ON (g.userId)
