"""The peer of test/bench/analytics.bench.ts: python3-igraph on the same edge list, timed here.

Usage: /usr/bin/python3 igraph_peer.py EDGES NODES BETWEENNESS(0|1)
EDGES holds one "a b" line per link (0-based node indices, weight 1 each). Prints one JSON object.
"""
import json
import resource
import sys
import time

import igraph as ig

path, n, do_bc = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
out = {"version": ig.__version__}

t = time.perf_counter()
edges = []
with open(path) as f:
    for line in f:
        a, b = line.split()
        edges.append((int(a), int(b)))
g = ig.Graph(n=n, edges=edges, directed=False)
g.es["weight"] = [1.0] * len(edges)
g.simplify(combine_edges="sum")  # parallel links become one weighted edge, as CaseGraph's projection does
out["read_ms"] = (time.perf_counter() - t) * 1000
out["nodes"] = g.vcount()
out["edges"] = g.ecount()

t = time.perf_counter()
parts = g.community_multilevel(weights="weight")
out["multilevel_ms"] = (time.perf_counter() - t) * 1000
out["modularity"] = g.modularity(parts.membership, weights="weight")
out["communities"] = len(parts)

g.pagerank(weights="weight", damping=0.85)  # untimed: igraph's first PageRank call pays a one-off setup
t = time.perf_counter()
g.pagerank(weights="weight", damping=0.85)
out["pagerank_ms"] = (time.perf_counter() - t) * 1000

if do_bc:
    t = time.perf_counter()
    g.betweenness(directed=False)
    out["betweenness_ms"] = (time.perf_counter() - t) * 1000

out["max_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps(out))
