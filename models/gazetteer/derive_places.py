#!/usr/bin/env python3
"""Derives the place tables of the entity tagger's gazetteer from GeoNames (CC BY 4.0).

Reads ../shared/data/gazetteer/{countries,cities15000}.tsv and writes, next to this script:
- countries.txt: country and territory names (GeoNames `name`);
- cities.txt: the names of every populated place with population >= 15,000, plus the Latin
  alternate names of places with population >= 200,000;
- bigcities.txt: names and Latin alternate names of places with population >= 1,000,000.

Names are kept when they look like names in running English text: they start with a capital
letter, use letters (Latin script), spaces, hyphens, apostrophes and periods only, and are at
least 3 characters long. Single-word names that are common lower-case English words (a fixed
list of a few hundred function and content words below) are dropped, since a capitalised
sentence-initial `Police` or `Mobile` is not the town. Output is sorted and deduplicated, so
the tables are reproducible. Usage: python3 models/gazetteer/derive_places.py
"""
import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent.parent / "shared/data/gazetteer"

NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ž' .\-]{2,40}$")
# Common English words that are also place names somewhere (capitalised at sentence start).
COMMON = set("""
a about above after again against all also an and any are as at back bad bar bath be been before
best big black both bound but by can center centre central city cross day deal did do does down
each early east energy even every fair faith fall far few first five for four free from gap get
good great green grove had has have he her here high hill his home hope how if in into is it its
just king lake land last late law less life like little long low made main make man many march
may me mine mobile more most much must my never new nice no north not now of off old on once one
only open or other our out over own park peace plain police port post power price progress rich
right rio river rock round sale same say see she should since so some south split spring state
still such sun sure take than that the their them then there these they this those three through
time to too tower town two under union unity up us very victoria view vista wall want was water
way we well were west what when where which while white who why will with would york you young
""".split())


def ok(name: str) -> bool:
    if not NAME.match(name):
        return False
    if " " not in name and name.lower() in COMMON:
        return False
    return True


def main():
    countries, cities, big = set(), set(), set()
    with open(DATA / "countries.tsv", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            n = row["name"].strip()
            if ok(n) and "," not in n:
                countries.add(n)
    with open(DATA / "cities15000.tsv", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            pop = int(row["population"] or 0)
            names = [row["name"].strip()]
            if pop >= 200_000:
                names += [a.strip() for a in row["alternate_names_latin"].split("|") if a.strip()]
            for i, n in enumerate(names):
                if not ok(n):
                    continue
                if i > 0 and (len(n) < 4 or n.isupper()):
                    continue  # airport codes and short alternates
                cities.add(n)
                if pop >= 1_000_000:
                    big.add(n)
    header = "# Derived from GeoNames (https://www.geonames.org/, CC BY 4.0) by derive_places.py.\n"
    for fname, names in [("countries.txt", countries), ("cities.txt", cities), ("bigcities.txt", big)]:
        (HERE / fname).write_text(header + "\n".join(sorted(names)) + "\n")
        print(f"{fname}: {len(names)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
