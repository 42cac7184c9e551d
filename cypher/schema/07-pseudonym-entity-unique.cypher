CREATE CONSTRAINT pseudonym_entity IF NOT EXISTS FOR (p:Pseudonym) REQUIRE p.entityId IS UNIQUE
