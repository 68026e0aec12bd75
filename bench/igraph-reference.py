"""Reference community detection for bench/igraph.ts: python-igraph's
multilevel (Louvain, Blondel et al. 2008) and Leiden (Traag et al. 2019,
modularity objective) on the weighted edge list our buildGraph made.

Input: a file whose first line is `nodes edges`, then `u v weight` lines
(0-based node indexes). Output: one JSON object on stdout with times in ms
and weighted modularity. "build" is reading the file and constructing the
graph, the nearest thing to our buildGraph (which starts from messages).

    python3 bench/igraph-reference.py edges.txt
"""
import json
import random
import sys
import time

import igraph


def main(path):
    random.seed(1)
    igraph.set_random_number_generator(random)
    started = time.perf_counter()
    with open(path, encoding="utf-8") as f:
        n, _m = (int(x) for x in f.readline().split())
        edges, weights = [], []
        for line in f:
            u, v, w = line.split()
            edges.append((int(u), int(v)))
            weights.append(float(w))
    g = igraph.Graph(n=n, edges=edges, directed=False)
    g.es["weight"] = weights
    build_ms = (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    multilevel = g.community_multilevel(weights="weight")
    multilevel_ms = (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    leiden = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)
    leiden_ms = (time.perf_counter() - started) * 1000

    json.dump({
        "version": igraph.__version__,
        "nodes": g.vcount(),
        "edges": g.ecount(),
        "buildMs": build_ms,
        "multilevelMs": multilevel_ms,
        "multilevelModularity": g.modularity(multilevel.membership, weights="weight"),
        "multilevelCommunities": len(multilevel),
        "leidenMs": leiden_ms,
        "leidenModularity": g.modularity(leiden.membership, weights="weight"),
        "leidenCommunities": len(leiden),
    }, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
