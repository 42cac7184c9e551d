// Persons merged away after $version, up to the version the read started at (as links-changed-since).
MATCH (r:Removed)
WHERE r.version > $version AND r.version <= $bound
RETURN r.id AS id
ORDER BY id
