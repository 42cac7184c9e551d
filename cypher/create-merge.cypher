CREATE (m:Merge)
SET m = $merge
