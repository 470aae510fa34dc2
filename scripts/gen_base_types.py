#!/usr/bin/env python3
"""The SQL of the four enum-like base types, typed once: eco.pollutant, eco.standard, eco.water_class, eco.outfall_type.

Each is a pass-by-value int2 id into a C table (src/core/pollutant.c, standards.c, water.c, outfall.c) with C text and
binary I/O, comparison by id through PostgreSQL's int2 functions (the C tables are in the order the type sorts in),
a default btree and hash operator class and a text cast.  TEMPLATE below is that boilerplate; TYPES holds what
differs: the comments that describe a type, and three flags (MERGES on =, a seeded 64-bit hash, a cast to text).

    python3 scripts/gen_base_types.py          rewrite the generated region of each type's install piece
                                               (between "-- BEGIN GENERATED base type NAME" and "-- END GENERATED")
                                               and the upgrade piece src/upgrade/02_base_types.sql
    python3 scripts/gen_base_types.py --check  exit status 1, naming the file, when a generated text is stale

`make base-types` runs the first; test/shell/build_upgrade.sh runs the second.  The upgrade piece copies the comments
of every generated object from the install pieces (the functions themselves exist since 0.1.0 and are renamed by
00_renames.sql), so an edit of a comment here reaches an updated installation too.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TYPES = [
    dict(name='pollutant', piece='src/sql/00_pollutant.sql',
         comment='monitored item (air, water or soil); input by code, Chinese or English name, HJ 212 code or CAS number',
         input='canonical code, alias, Chinese or English name, HJ 212 or CAS code (22P02 when unknown)',
         output='the canonical code', id='the registry id', order='registry order: air, water, soil',
         merges=True, hash_extended=True, cast_to_text=False),
    dict(name='standard', piece='src/sql/01_standard.sql',
         comment='an edition of a standard, e.g. HJ633-2026; see eco.standards',
         input='an edition code such as HJ633-2026 or GB 3095-2012 (22P02 when unknown)',
         output='the edition code', id='the edition id', order='registry order',
         merges=False, hash_extended=False, cast_to_text=False),
    dict(name='water_class', piece='src/sql/03_water_class.sql',
         comment='GB 3838-2002 surface-water class, ordered I < II < III < IV < V < 劣V; input III, Ⅲ, 3, Ⅲ类, 劣Ⅴ, worse than V',
         input='III, Ⅲ, 3, Ⅲ类, 劣V, 劣Ⅴ, worse than V (22P02 when unknown)',
         output='I, II, III, IV, V or 劣V', id='the class number 1 (I) to 6 (劣V)',
         order='I < II < III < IV < V < 劣V, better before worse',
         merges=True, hash_extended=True, cast_to_text=True),
    dict(name='outfall_type', piece='src/sql/40_sites.sql',
         comment='HJ 1312-2023 outfall type at level 1, 2 or 3; input by Chinese name; see eco.outfall_types',
         input='the Chinese name at level 1, 2 or 3 (22P02 when unknown)',
         output='the Chinese name', id='the id in the HJ 1312-2023 table',
         order='order of the HJ 1312 table, each type before its subtypes',
         merges=True, hash_extended=False, cast_to_text=False),
]

# {t}: the type's name; {T}: @extschema@.{t}.  Lines starting with "?flag " are kept when the flag is set.
TEMPLATE = r"""
CREATE TYPE {T};

CREATE FUNCTION @extschema@._{t}_in(pg_catalog.cstring) RETURNS {T}
    AS 'MODULE_PATHNAME', '{t}_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._{t}_out({T}) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME', '{t}_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._{t}_recv(pg_catalog.internal) RETURNS {T}
    AS 'MODULE_PATHNAME', '{t}_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._{t}_send({T}) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', '{t}_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE {T} (
    INPUT = @extschema@._{t}_in, OUTPUT = @extschema@._{t}_out,
    RECEIVE = @extschema@._{t}_recv, SEND = @extschema@._{t}_send,
    INTERNALLENGTH = 2, PASSEDBYVALUE, ALIGNMENT = int2, STORAGE = plain);
COMMENT ON TYPE {T} IS
    '{comment}';
COMMENT ON FUNCTION @extschema@._{t}_in(pg_catalog.cstring) IS
    'text input of eco.{t}: {input}';
COMMENT ON FUNCTION @extschema@._{t}_out({T}) IS 'text output of eco.{t}: {output}';
COMMENT ON FUNCTION @extschema@._{t}_recv(pg_catalog.internal) IS
    'binary input of eco.{t}: {id} as int2, checked against the C table';
COMMENT ON FUNCTION @extschema@._{t}_send({T}) IS 'binary output of eco.{t}: {id} as int2';

-- Comparison: by id ({order}), through the int2 built-ins.
CREATE FUNCTION @extschema@._{t}_eq({T}, {T}) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2eq';
CREATE FUNCTION @extschema@._{t}_ne({T}, {T}) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ne';
CREATE FUNCTION @extschema@._{t}_lt({T}, {T}) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2lt';
CREATE FUNCTION @extschema@._{t}_le({T}, {T}) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2le';
CREATE FUNCTION @extschema@._{t}_gt({T}, {T}) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2gt';
CREATE FUNCTION @extschema@._{t}_ge({T}, {T}) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ge';
CREATE FUNCTION @extschema@._{t}_cmp({T}, {T}) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'btint2cmp';
CREATE FUNCTION @extschema@._{t}_hash({T}) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashint2';
?hash_extended CREATE FUNCTION @extschema@._{t}_hash_extended({T}, bigint) RETURNS bigint
?hash_extended     LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashint2extended';
COMMENT ON FUNCTION @extschema@._{t}_eq({T}, {T}) IS 'support of = on eco.{t}';
COMMENT ON FUNCTION @extschema@._{t}_ne({T}, {T}) IS 'support of <> on eco.{t}';
COMMENT ON FUNCTION @extschema@._{t}_lt({T}, {T}) IS
    'support of < on eco.{t} ({order})';
COMMENT ON FUNCTION @extschema@._{t}_le({T}, {T}) IS
    'support of <= on eco.{t} ({order})';
COMMENT ON FUNCTION @extschema@._{t}_gt({T}, {T}) IS
    'support of > on eco.{t} ({order})';
COMMENT ON FUNCTION @extschema@._{t}_ge({T}, {T}) IS
    'support of >= on eco.{t} ({order})';
COMMENT ON FUNCTION @extschema@._{t}_cmp({T}, {T}) IS
    'btree comparison of eco.{t} ({order})';
COMMENT ON FUNCTION @extschema@._{t}_hash({T}) IS 'hash of eco.{t} (hash operator class)';
?hash_extended COMMENT ON FUNCTION @extschema@._{t}_hash_extended({T}, bigint) IS
?hash_extended     'seeded 64-bit hash of eco.{t} (hash operator class, hash partitioning)';

CREATE OPERATOR @extschema@.= (LEFTARG = {T}, RIGHTARG = {T},
    FUNCTION = @extschema@._{t}_eq, COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
?merges     RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
?!merges     RESTRICT = eqsel, JOIN = eqjoinsel, HASHES);
CREATE OPERATOR @extschema@.<> (LEFTARG = {T}, RIGHTARG = {T},
    FUNCTION = @extschema@._{t}_ne, COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.< (LEFTARG = {T}, RIGHTARG = {T},
    FUNCTION = @extschema@._{t}_lt, COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (LEFTARG = {T}, RIGHTARG = {T},
    FUNCTION = @extschema@._{t}_le, COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.> (LEFTARG = {T}, RIGHTARG = {T},
    FUNCTION = @extschema@._{t}_gt, COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (LEFTARG = {T}, RIGHTARG = {T},
    FUNCTION = @extschema@._{t}_ge, COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = scalargesel, JOIN = scalargejoinsel);

CREATE OPERATOR CLASS @extschema@.{t}_ops DEFAULT FOR TYPE {T} USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=,
    OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@._{t}_cmp({T}, {T});
CREATE OPERATOR CLASS @extschema@.{t}_hash_ops DEFAULT FOR TYPE {T} USING hash AS
    OPERATOR 1 @extschema@.=,
?!hash_extended     FUNCTION 1 @extschema@._{t}_hash({T});
?hash_extended     FUNCTION 1 @extschema@._{t}_hash({T}),
?hash_extended     FUNCTION 2 @extschema@._{t}_hash_extended({T}, bigint);

CREATE CAST (text AS {T}) WITH INOUT AS ASSIGNMENT;
?cast_to_text CREATE CAST ({T} AS text) WITH INOUT AS ASSIGNMENT;
"""

BEGIN = '-- BEGIN GENERATED base type %s: scripts/gen_base_types.py (edit the script, then `make base-types`)'
END = '-- END GENERATED base type %s'
UPGRADE = 'src/upgrade/02_base_types.sql'


def block(ty):
    out = []
    for line in TEMPLATE.strip('\n').split('\n'):
        m = re.match(r'\?(!?)(\w+) (.*)$', line)
        if m:
            if bool(ty[m.group(2)]) == (m.group(1) == '!'):
                continue
            line = m.group(3)
        out.append(line)
    text = '\n'.join(out)
    for key in ('comment', 'input', 'output', 'id', 'order'):
        if "'" in ty[key] or '{' in ty[key]:
            raise SystemExit('scripts/gen_base_types.py: quote or brace in %s of %s' % (key, ty['name']))
    return text.format(t=ty['name'], T='@extschema@.' + ty['name'], **{k: ty[k] for k in
                       ('comment', 'input', 'output', 'id', 'order')})


def piece_text(path, ty):
    with open(os.path.join(ROOT, path), encoding='utf-8') as f:
        text = f.read()
    b, e = BEGIN % ty['name'], END % ty['name']
    i, j = text.find(b), text.find(e)
    if i < 0 or j < i:
        raise SystemExit('%s: no region "%s" ... "%s"' % (path, b, e))
    return text[:i] + b + '\n' + block(ty) + '\n' + text[j:]


def upgrade_text():
    lines = ['-- GENERATED by scripts/gen_base_types.py: edit that script, not this file.',
             '-- 0.1.0 -> 0.2.0: the comments of the four enum-like base types and their support functions, written once',
             '-- by the template of scripts/gen_base_types.py (the functions exist since 0.1.0 and are renamed by',
             '-- 00_renames.sql).']
    for ty in TYPES:
        lines.append('')
        for s in re.findall(r'(?m)^COMMENT ON ((?:TYPE|FUNCTION) [^\n]*?) IS', block(ty)):
            lines.append('--@ from %s: comment on %s' % (ty['piece'], s.lower().split(' ', 1)[0] + ' ' +
                                                         s.split(' ', 1)[1].replace('@extschema@.', 'eco.')))
    return '\n'.join(lines) + '\n'


def main():
    check = sys.argv[1:] == ['--check']
    stale = []
    outputs = {}
    for ty in TYPES:
        outputs[ty['piece']] = piece_text(ty['piece'], ty)
    outputs[UPGRADE] = upgrade_text()
    for path, text in outputs.items():
        full = os.path.join(ROOT, path)
        old = open(full, encoding='utf-8').read() if os.path.exists(full) else None
        if old != text:
            stale.append(path)
            if not check:
                with open(full, 'w', encoding='utf-8') as f:
                    f.write(text)
    for p in stale:
        print(('stale: ' if check else 'wrote ') + p)
    sys.exit(1 if check and stale else 0)


if __name__ == '__main__':
    main()
