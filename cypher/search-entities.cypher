// Names and keys through the full-text index; the Lucene query is a parameter built of folded words only.
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
RETURN node AS e
ORDER BY score DESC, node.seq
LIMIT $limit
