#!/usr/bin/env python3
"""Writes a seeded synthetic network in the seed CSV format, for import measurements (docs/performance.md).

Usage: synthetic_csv.py OUT_DIR [ACTORS=100000] [TIES_PER_ACTOR=2] [SEED=7]
Same shape as tests/GraphApi.Api.Tests/Interchange/SyntheticCsv.cs: EU and KR actors of several kinds with Hangul
aliases, each with a few ties of mixed types and years to random other actors.
"""
import os
import random
import sys

KINDS = ["Cluster", "MiniCluster", "Company", "University", "Agency"]
COUNTRIES = ["FR", "DE", "ES", "KR", "KR", "IT"]
TYPES = ["MOU", "PARTNER_OF", "MEMBER_OF", "MET_AT", "SUPPORTS"]


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    per = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "actors.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("id,name,aliases,kind,country,city,sectors,website,description,sources\n")
        for i in range(n):
            f.write(f"actor-{i},Actor {i},A{i}|액터 {i},{KINDS[i % len(KINDS)]},{COUNTRIES[i % len(COUNTRIES)]},,sector-{i % 7},,,synthetic\n")
    with open(os.path.join(out, "relationships.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("id,source,target,type,since,until,strength,eventName,eventDate,eventPlace,note,evidenceDocument,evidenceSection,evidenceQuote,inferred\n")
        tie = 0
        for i in range(n):
            for _ in range(per):
                target = (i + 1 + rng.randrange(n - 1)) % n
                f.write(f"tie-{tie},actor-{i},actor-{target},{rng.choice(TYPES)},{2010 + rng.randrange(15)},,,,,,,synthetic,,,false\n")
                tie += 1


if __name__ == "__main__":
    main()
