#!/usr/bin/env python3
"""Schema check of an RFC 7946 FeatureCollection written by eco_monitor.

Usage: geojson_check.py FILE KIND [MIN_FEATURES]
KIND: sites | sections | outfalls | parcels (the properties each must carry).
Checks: FeatureCollection with a features array; each Feature has a string id, a geometry of the kind's type with
WGS 84 longitude/latitude in range, no "crs" member (RFC 7946 §4), closed polygon rings with counter-clockwise
exterior and clockwise holes (§3.1.6), the kind's properties, colours as #RRGGBB or null.
Prints "ok N features" or the first problem and exits 1.
"""
import json
import re
import sys

PROPS = {
    'sites': ({'Point'}, ['code', 'name', 'area', 'day', 'aqi', 'level', 'category', 'color']),
    'sections': ({'Point'}, ['code', 'name', 'area', 'year', 'class', 'status', 'color', 'target_class', 'target_met']),
    'outfalls': ({'Point'}, ['code', 'name', 'area', 'type', 'status', 'action', 'stage', 'status_date']),
    'parcels': ({'Polygon', 'MultiPolygon'}, ['code', 'name', 'area', 'land_class', 'change_year', 'survey_status']),
}


def fail(msg):
    print('not ok: ' + msg)
    sys.exit(1)


def check_pos(p, where):
    if not (isinstance(p, list) and len(p) in (2, 3) and all(isinstance(v, (int, float)) for v in p)):
        fail('%s: bad position %r' % (where, p))
    if not (-180 <= p[0] <= 180 and -90 <= p[1] <= 90):
        fail('%s: position out of longitude/latitude range %r' % (where, p))


def signed_area(ring):
    return sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1)) / 2


def check_polygon(rings, where):
    for k, ring in enumerate(rings):
        if len(ring) < 4 or ring[0] != ring[-1]:
            fail('%s: ring %d not closed or too short' % (where, k))
        for p in ring:
            check_pos(p, where)
        a = signed_area(ring)
        if (k == 0 and a <= 0) or (k > 0 and a >= 0):
            fail('%s: ring %d breaks the right-hand rule (signed area %g)' % (where, k, a))


def main():
    path, kind = sys.argv[1], sys.argv[2]
    least = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    with open(path, encoding='utf-8') as f:
        doc = json.load(f)
    types, props = PROPS[kind]
    if doc.get('type') != 'FeatureCollection' or not isinstance(doc.get('features'), list):
        fail('not a FeatureCollection')
    if 'crs' in doc:
        fail('crs member present (RFC 7946 §4 forbids it)')
    feats = doc['features']
    if len(feats) < least:
        fail('%d features, expected at least %d' % (len(feats), least))
    ids = set()
    for i, ft in enumerate(feats):
        where = 'feature %d' % i
        if ft.get('type') != 'Feature':
            fail(where + ': type is not Feature')
        if not isinstance(ft.get('id'), str) or ft['id'] in ids:
            fail(where + ': id missing or repeated')
        ids.add(ft['id'])
        g = ft.get('geometry')
        if not isinstance(g, dict) or g.get('type') not in types or 'crs' in g:
            fail(where + ': geometry %r not one of %s' % (g and g.get('type'), sorted(types)))
        c = g['coordinates']
        if g['type'] == 'Point':
            check_pos(c, where)
        elif g['type'] == 'Polygon':
            check_polygon(c, where)
        else:
            for poly in c:
                check_polygon(poly, where)
        p = ft.get('properties')
        if not isinstance(p, dict):
            fail(where + ': no properties')
        for k in props:
            if k not in p:
                fail(where + ': property %s missing' % k)
        if p.get('color') is not None and not re.fullmatch(r'#[0-9A-F]{6}', p['color']):
            fail(where + ': colour %r is not #RRGGBB' % p['color'])
        if p.get('code') != ft['id']:
            fail(where + ': id and code differ')
    print('ok %d features' % len(feats))


if __name__ == '__main__':
    main()
