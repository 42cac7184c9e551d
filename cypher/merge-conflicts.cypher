// What would make two persons' merge wrong: a link between them, or one row of one document naming both
// (the evidence records them as two people).
MATCH (a:Entity {id: $survivorId})
MATCH (b:Entity {id: $absorbedId})
OPTIONAL MATCH (a)-[l:LINK]-(b)
WITH a, b, count(l) AS links
OPTIONAL MATCH (a)-[fa:STATED_IN]->(d:Document)<-[fb:STATED_IN]-(b)
WHERE fa.ref = fb.ref
RETURN links, count(d) AS sharedRows
