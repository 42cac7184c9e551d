// The earliest and latest occurrence of the given links within the window, and how many there are:
// the span occurrence-bins divides. Each link's occurrences are found through the index on linkId.
UNWIND $ids AS id
MATCH (o:Occurrence {linkId: id})
WHERE ($from IS NULL OR o.at >= $from) AND ($to IS NULL OR o.at <= $to)
RETURN min(o.at) AS lo, max(o.at) AS hi, count(o) AS n
