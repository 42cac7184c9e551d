// Every link leaving the given entities, filtered by kind and time window; the caller keeps those whose
// other end is in its set (an IN over a long list per row would cost what a hash set does not).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[l:LINK]->(b:Entity)
WHERE ($linkKinds IS NULL OR l.kind IN $linkKinds)
  AND (l.count = 0 OR ($from IS NULL AND $to IS NULL)
       OR EXISTS {
         MATCH (o:Occurrence {linkId: l.id})
         WHERE o.at >= coalesce($from, o.at) AND o.at <= coalesce($to, o.at)
       })
RETURN l, a.id AS from, b.id AS to
ORDER BY l.seq
