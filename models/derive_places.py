#!/usr/bin/env python3
"""Derives models/places.tsv, the place table of entity resolution, from GeoNames (CC BY 4.0).

Reads ../shared/data/gazetteer/{countries,cities15000}.tsv. Writes one line per name:
name, ISO country code, latitude, longitude, population. Cities give their GeoNames name, and
for places of 200,000 people or more also their Latin-script alternate names; countries give
their name and the coordinates of their capital. Where one name has several places, resolution
takes the most populous. Sorted, so the table is reproducible.
Usage: python3 models/derive_places.py
"""
import csv
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared/data/gazetteer"
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ž' .\-]{3,40}$")


def main():
    rows = {}

    def add(name, country, lat, lon, pop):
        name = name.strip()
        if not LATIN.match(name) or not name[0].isupper():
            return
        best = rows.get(name)
        if best is None or pop > best[3]:
            rows[name] = (country, lat, lon, pop)

    capitals = {}
    with open(DATA / "cities15000.tsv", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            pop = int(row["population"] or 0)
            lat, lon = round(float(row["latitude"]), 4), round(float(row["longitude"]), 4)
            add(row["name"], row["country"], lat, lon, pop)
            if pop >= 200_000:
                for alt in (row.get("alternate_names_latin") or "").split("|"):
                    add(alt, row["country"], lat, lon, pop)
            capitals.setdefault((row["country"], row["name"]), (lat, lon))
    with open(DATA / "countries.tsv", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            coords = capitals.get((row["iso"], row["capital"]))
            if coords:
                # A country outranks any city of the same name.
                add(row["name"], row["iso"], coords[0], coords[1], 10**10 + int(row["population"] or 0))
    out = HERE / "places.tsv"
    with open(out, "w") as f:
        f.write("# Derived from GeoNames (https://www.geonames.org/, CC BY 4.0) by models/derive_places.py\n")
        for name in sorted(rows):
            c, lat, lon, pop = rows[name]
            f.write(f"{name}\t{c}\t{lat}\t{lon}\t{pop}\n")
    print(f"{out}: {len(rows)} names")


if __name__ == "__main__":
    main()
