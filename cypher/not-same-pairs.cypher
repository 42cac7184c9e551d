MATCH (n:NotSame)
RETURN n.pair AS pair
