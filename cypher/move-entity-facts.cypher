// A relationship cannot change its end: each record is made again at the other person and the old one
// deleted, with every property as it was.
UNWIND $facts AS fact
MATCH (o:Entity {id: $fromId})-[f:STATED_IN {ref: fact.ref}]->(d:Document {id: fact.documentId})
MATCH (n:Entity {id: $toId})
CREATE (n)-[g:STATED_IN]->(d)
SET g = properties(f)
DELETE f
