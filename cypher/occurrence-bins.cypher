// The occurrences of the given links within [$lo, $hi], counted per link kind in $bins equal parts of
// it, the last part holding $hi (domain/occurrence-bins.ts's binIndex, in whole numbers as the embedded
// store counts: an Integer divided by an Integer is one).
UNWIND $ids AS id
MATCH ()-[l:LINK {id: id}]->()
MATCH (o:Occurrence {linkId: id})
WHERE o.at >= $lo AND o.at <= $hi
WITH l.kind AS kind,
     CASE WHEN $hi = $lo THEN 0
          WHEN (o.at - $lo) * $bins / ($hi - $lo) >= $bins THEN $bins - 1
          ELSE (o.at - $lo) * $bins / ($hi - $lo) END AS bin
RETURN kind, bin, count(*) AS n
ORDER BY kind, bin
