CREATE CONSTRAINT case_grant IF NOT EXISTS FOR (g:CaseGrant) REQUIRE (g.caseId, g.userId) IS UNIQUE
