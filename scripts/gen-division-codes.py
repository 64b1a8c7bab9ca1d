#!/usr/bin/env python3
"""Regenerates src/modules/review/scanner/division-codes.data.ts from ../shared/data/divisions/*.csv (run from the repository root)."""
import csv

D = '../shared/data/divisions/'
GENERIC = ('市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划', '')
prov = {r['code']: r['name'] for r in csv.DictReader(open(D + 'provinces.csv'))}
city = {r['code']: (r['name'], r['provinceCode']) for r in csv.DictReader(open(D + 'cities.csv'))}
rows = {}
for p, n in prov.items():
    rows[p + '0000'] = n
for c, (n, p) in city.items():
    rows[c + '00'] = prov[p] + ('' if n in GENERIC else n)
for r in csv.DictReader(open(D + 'areas.csv')):
    cn, _ = city.get(r['cityCode'], ('', r['provinceCode']))
    rows[r['code']] = (prov.get(r['provinceCode'], '') if cn in GENERIC else cn) + r['name']
for k, n in (('810000', '香港特别行政区'), ('820000', '澳门特别行政区'), ('830000', '台湾地区')):
    rows.setdefault(k, n)
with open('src/modules/review/scanner/division-codes.data.ts', 'w') as out:
    out.write('// Derived from ../shared/data/divisions/{provinces,cities,areas}.csv (GitHub modood/Administrative-divisions-of-China, WTFPL):\n')
    out.write('// every current province, city and county-level code with its name, plus 810000/820000/830000 (港澳台居民居住证).\n')
    out.write('// Regenerate with scripts/gen-division-codes.py. One "code name" pair a line.\n')
    out.write('export const DIVISION_CODES = `\n')
    for k in sorted(rows):
        out.write(f'{k} {rows[k]}\n')
    out.write('`;\n')
