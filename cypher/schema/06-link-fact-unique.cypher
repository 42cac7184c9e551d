CREATE CONSTRAINT link_fact_key IF NOT EXISTS FOR (f:LinkFact) REQUIRE (f.linkId, f.documentId, f.ref) IS UNIQUE
