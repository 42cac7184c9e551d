// What a merge moves of the absorbed person: its node as it is, its facts and the ids of its links.
MATCH (b:Entity {id: $id})
OPTIONAL MATCH (b)-[f:STATED_IN]->(d:Document)
WITH b, collect({documentId: d.id, ref: f.ref}) AS facts
OPTIONAL MATCH (b)-[o:LINK]->(:Entity)
WITH b, facts, collect(o.id) AS linksFrom
OPTIONAL MATCH (:Entity)-[i:LINK]->(b)
RETURN b, facts, linksFrom, collect(i.id) AS linksTo
