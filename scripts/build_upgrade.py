#!/usr/bin/env python3
"""Assemble the upgrade script from src/upgrade/*.sql, expanding directives that copy statements of the install pieces.

Usage: python3 scripts/build_upgrade.py PIECE... > eco_monitor--0.1.0--0.2.0.sql  (the Makefile runs it)

An upgrade piece says WHAT changed; the SQL text of an object is typed once, in its install piece (src/sql/*.sql).
Every line of an upgrade piece is copied as it is, except a directive line:

    --@ from src/sql/90_annual_report.sql: function eco.annual_report(text, integer, date)

which is replaced by the statements of that object taken word for word from the install piece named (path relative
to the repository root).  Objects:

    function eco.NAME(ARGTYPES)   the CREATE FUNCTION statement, written CREATE OR REPLACE FUNCTION, then every
                                  COMMENT ON / GRANT / REVOKE / ALTER FUNCTION statement on the same signature that
                                  follows it in the piece.  ARGTYPES are the input types as in COMMENT ON FUNCTION
                                  (argument names and DEFAULTs are ignored, eco. = @extschema@., pg_catalog. optional);
                                  without (ARGTYPES) the name must have one signature in the piece.
    aggregate eco.NAME(ARGTYPES)  the same for CREATE AGGREGATE (written CREATE OR REPLACE AGGREGATE).
    view eco.NAME                 CREATE VIEW, written CREATE OR REPLACE VIEW, then the COMMENT ON VIEW / COLUMN,
                                  GRANT / REVOKE naming only this view, ALTER VIEW statements that follow it.
    type eco.NAME                 CREATE TYPE as written (there is no OR REPLACE), then COMMENT ON TYPE.
    table eco.NAME                a table new in this version: CREATE TABLE, then the statements on it that follow
                                  in the piece (COMMENT ON TABLE / COLUMN, CREATE INDEX, ALTER TABLE, CREATE POLICY
                                  and COMMENT ON POLICY, GRANT / REVOKE naming only the table or its serial columns'
                                  sequences, pg_extension_config_dump of the table or those sequences).
    trigger NAME on eco.TABLE     CREATE TRIGGER as written, then COMMENT ON TRIGGER (an existing trigger is
                                  dropped by a literal DROP TRIGGER before the directive).
    comment on KIND TARGET        only the COMMENT ON KIND TARGET statement (KIND: function, aggregate, table, view,
                                  column, type, trigger, policy, ...; function targets compare by signature).

A directive continues on the following lines that start with "--@" while its parentheses are open.
A change of signature or result type, or a view that cannot be replaced in place, is written by the author as a
literal DROP before the directive (CREATE OR REPLACE then creates the object).  ALTER TABLE, data migrations and
the DROP of removed objects stay literal: they exist only in the upgrade.
Statements of an install piece end with ";" at the end of a line outside quotes and dollar quotes.  A function
created inside a DO block by a template (EXECUTE pg_catalog.format($sql$ CREATE FUNCTION ... $sql$, g); the
PostGIS-schema templates of 06_site.sql, 40_sites.sql) is found too: the directive writes a DO block with that block's
DECLARE, the EXECUTE of the CREATE (as CREATE OR REPLACE) and of its COMMENT / GRANT / REVOKE, then the COMMENT /
GRANT / REVOKE statements on it after the block (ARGTYPES written without the %1$s. of the template).  Tables created
inside DO blocks are not: their changes are ALTER TABLE anyway.
The build fails (exit status 1, a message naming the piece, the line and the directive) when a directive matches
no statement or more than one, or names a piece that does not exist.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIRECTIVE = re.compile(r'^--@\s*from\s+(\S+?)\s*:\s*(.+?)\s*$')
ALIASES = {'int': 'integer', 'int4': 'integer', 'int2': 'smallint', 'int8': 'bigint', 'float8': 'double precision',
           'float4': 'real', 'bool': 'boolean', 'varchar': 'character varying', 'timestamptz':
           'timestamp with time zone', 'timestamp without time zone': 'timestamp', 'decimal': 'numeric'}
MULTIWORD = ('double precision', 'character varying', 'timestamp with', 'timestamp without', 'time with',
             'time without', 'bit varying')


class BuildError(Exception):
    pass


def split_statements(text):
    """[(first line number, statement text)]: statements end with ';' at end of line outside quotes."""
    out, cur, start, dollar, squote = [], [], None, None, False
    for no, line in enumerate(text.split('\n'), 1):
        if start is None and dollar is None and not squote and (not line.strip() or line.lstrip().startswith('--')):
            continue
        if start is None:
            start = no
        cur.append(line)
        i, code_end = 0, len(line)
        while i < len(line):
            if dollar is not None:
                j = line.find(dollar, i)
                if j < 0:
                    break
                i, dollar = j + len(dollar), None
                continue
            if squote:
                j = line.find("'", i)
                if j < 0:
                    break
                if line.startswith("''", j):
                    i = j + 2
                    continue
                i, squote = j + 1, False
                continue
            c = line[i]
            if c == '-' and line.startswith('--', i):
                code_end = i
                break
            if c == "'":
                squote, i = True, i + 1
                continue
            m = re.match(r'\$([A-Za-z_][A-Za-z0-9_]*)?\$', line[i:]) if c == '$' else None
            if m and not (i > 0 and (line[i - 1].isalnum() or line[i - 1] == '_')):
                dollar, i = m.group(0), i + len(m.group(0))
                continue
            i += 1
        if dollar is None and not squote and line[:code_end].rstrip().endswith(';'):
            out.append((start, '\n'.join(cur)))
            cur, start = [], None
    if cur and any(l.strip() and not l.lstrip().startswith('--') for l in cur):
        raise BuildError('unterminated statement at line %d' % start)
    return out


def norm_name(s):
    s = re.sub(r'\s+', ' ', s.strip()).lower().replace('@extschema@.', 'eco.').replace('pg_catalog.', '')
    return re.sub(r'\s*([(),.])\s*', r'\1', s)


def norm_type(t):
    t = norm_name(t)
    return ALIASES.get(t, t)


def split_top(s):
    parts, depth, cur = [], 0, ''
    for c in s:
        if c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
        if c == ',' and depth == 0:
            parts.append(cur)
            cur = ''
        else:
            cur += c
    if cur.strip():
        parts.append(cur)
    return parts


def signature(args):
    """Input argument types of an argument list (names, DEFAULTs and OUT arguments dropped), normalised."""
    types = []
    for a in split_top(args):
        a = re.sub(r'(?is)\s+(DEFAULT\s|=).*$', '', a.strip())
        words = a.split()
        if words and words[0].upper() in ('IN', 'OUT', 'INOUT', 'VARIADIC'):
            mode, words = words[0].upper(), words[1:]
            if mode == 'OUT':
                continue
        a = ' '.join(words)
        if len(words) > 1 and not a.lower().startswith(MULTIWORD):
            a = ' '.join(words[1:])
        types.append(norm_type(a))
    return tuple(types)


def balanced(s, i):
    """Text inside the parentheses opening at s[i], and the index after the closing one."""
    depth = 0
    for j in range(i, len(s)):
        depth += {'(': 1, ')': -1}.get(s[j], 0)
        if depth == 0:
            return s[i + 1:j], j + 1
    raise BuildError('unbalanced parentheses')


def routine_target(text):
    """'NAME(ARGS)' at the start of text -> (normalised name, signature) or None."""
    m = re.match(r'\s*([^\s(]+)\s*\(', text)
    if not m:
        return None
    args, _ = balanced(text, m.end() - 1)
    return norm_name(m.group(1)), signature(args)


def parse_object(spec):
    """A directive's object -> (kind, name, signature or None) or ('comment', kind, target)."""
    m = re.match(r'(?is)comment\s+on\s+(.+?)\s*$', spec)
    if m:
        rest = m.group(1)
        km = re.match(r'(?is)(function|aggregate|procedure)\s+(.*)$', rest)
        if km:
            t = routine_target(km.group(2))
            if t is None:
                raise BuildError('expected NAME(ARGTYPES) after comment on %s' % km.group(1))
            return ('comment', km.group(1).lower(), t)
        return ('comment', None, norm_name(rest))
    m = re.match(r'(?is)(function|aggregate|view|type|table|trigger)\s+(.+?)\s*$', spec)
    if not m:
        raise BuildError('unknown object (expected function, aggregate, view, type, table, trigger or comment on ...)')
    kind, rest = m.group(1).lower(), m.group(2)
    if kind in ('function', 'aggregate'):
        if '(' in rest:
            name, sig = routine_target(rest)
            return (kind, name, sig)
        return (kind, norm_name(rest), None)
    return (kind, norm_name(rest), None)


def comment_target(stmt):
    m = re.match(r'(?is)\s*COMMENT\s+ON\s+(.*?)\s+IS\s', stmt)
    if not m:
        return None
    rest = m.group(1)
    km = re.match(r'(?is)(function|aggregate|procedure)\s+(.*)$', rest)
    if km:
        return (km.group(1).lower(), routine_target(km.group(2)))
    return (None, norm_name(rest))


def expand(spec, piece_path):
    path = os.path.join(ROOT, piece_path)
    if not os.path.isfile(path):
        raise BuildError('no such install piece %s' % piece_path)
    with open(path, encoding='utf-8') as f:
        stmts = split_statements(f.read())
    obj = parse_object(spec)
    if obj[0] == 'comment':
        hits = [s for _, s in stmts if comment_target(s) == (obj[1], obj[2])]
        if len(hits) != 1:
            raise BuildError('%d statements match in %s (want exactly one)' % (len(hits), piece_path))
        return hits
    kind, name, sig = obj
    creates = []
    for idx, (_, s) in enumerate(stmts):
        m = re.match(r'(?is)\s*CREATE\s+(OR\s+REPLACE\s+)?(FUNCTION|AGGREGATE|VIEW|TYPE|TABLE|TRIGGER)\s+', s)
        if not m or m.group(2).lower() != kind:
            continue
        rest = s[m.end():]
        if kind == 'trigger':
            n = re.match(r'(?is)\s*(\S+)\s.*?\sON\s+(\S+)', rest)
            if n and norm_name(n.group(1) + ' on ' + n.group(2)) == name:
                creates.append((idx, (name, None)))
        elif kind in ('function', 'aggregate'):
            t = routine_target(rest)
            if t and t[0] == name and (sig is None or t[1] == sig):
                creates.append((idx, t))
        else:
            n = re.match(r'\s*([^\s(;]+)', rest)
            if n and norm_name(n.group(1)) == name:
                creates.append((idx, (name, None)))
    if kind == 'function' and not creates:
        hosted = do_hosted(stmts, name, sig)
        if len(hosted) == 1:
            return hosted[0]
        creates = hosted
    if len(creates) != 1:
        raise BuildError('%d CREATE %s statements match in %s (want exactly one)'
                         % (len(creates), kind.upper(), piece_path))
    idx, target = creates[0]
    create = stmts[idx][1]
    if kind in ('function', 'aggregate', 'view'):
        create = re.sub(r'(?i)^(\s*)CREATE\s+(OR\s+REPLACE\s+)?', r'\1CREATE OR REPLACE ', create, count=1)
    out = [create]
    if kind == 'table':
        seqs = ['%s_%s_seq' % (name, c.lower()) for c in
                re.findall(r'(?im)^\s*([A-Za-z_][A-Za-z0-9_]*)\s+(?:big|small)?serial\b', create)]
    for _, s in stmts[idx + 1:]:
        ct = comment_target(s)
        if kind == 'trigger':
            if ct == (None, 'trigger ' + name):
                out.append(s)
        elif kind == 'table':
            if ct is not None and ct[0] is None and (
                    ct[1] == 'table ' + name or re.fullmatch(r'(column %s\.[^.]+|policy \S+ on %s)'
                                                               % (re.escape(name), re.escape(name)), ct[1])):
                out.append(s)
                continue
            m = (re.match(r'(?is)\s*CREATE\s+(?:UNIQUE\s+)?INDEX(?:\s+.*?)?\s+ON\s+(?:ONLY\s+)?([^\s(]+)', s) or
                 re.match(r'(?is)\s*ALTER\s+TABLE\s+(?:ONLY\s+)?(\S+)', s) or
                 re.match(r'(?is)\s*CREATE\s+POLICY\s+\S+\s+ON\s+(\S+)', s))
            if m and norm_name(m.group(1)) == name:
                out.append(s)
                continue
            m = re.match(r'(?is)\s*(?:GRANT|REVOKE)\s.*?\sON\s+(?:TABLE\s+|SEQUENCE\s+)?(.*?)\s+(?:TO|FROM)\s', s)
            if m and norm_name(m.group(1)) in [name] + seqs:
                out.append(s)
                continue
            m = re.match(r"(?is)\s*SELECT\s+(?:pg_catalog\.)?pg_extension_config_dump\s*\(\s*'([^']+)'", s)
            if m and norm_name(m.group(1)) in [name] + seqs:
                out.append(s)
        elif kind in ('function', 'aggregate'):
            if ct == (kind, target):
                out.append(s)
                continue
            m = re.match(r'(?is)\s*(?:(?:GRANT|REVOKE)\s.*?\sON\s+|ALTER\s+)(FUNCTION|AGGREGATE)\s+(.*)$', s)
            if m and m.group(1).lower() == kind and routine_target(m.group(2)) == target:
                out.append(s)
        else:
            if ct is not None and ct[0] is None and (ct[1] == '%s %s' % (kind, name) or
                                                     (kind == 'view' and ct[1].startswith('column %s.' % name) and
                                                      ct[1].count('.') == name.count('.') + 1)):
                out.append(s)
                continue
            if kind == 'view':
                m = re.match(r'(?is)\s*(?:GRANT|REVOKE)\s.*?\sON\s+(?:TABLE\s+)?(.*?)\s+(?:TO|FROM)\s', s)
                if m and norm_name(m.group(1)) == name:
                    out.append(s)
                    continue
                m = re.match(r'(?is)\s*ALTER\s+VIEW\s+(\S+)', s)
                if m and norm_name(m.group(1)) == name:
                    out.append(s)
    return out


TEMPLATE = re.compile(r'(?is)\s*EXECUTE\s+pg_catalog\.format\(\$sql\$\s*(CREATE|COMMENT\s+ON|GRANT|REVOKE)\s')


def template_sig(t):
    return tuple(x.replace('%1$s.', '') for x in t[1]) if t else None


def do_hosted(stmts, name, sig):
    """A function created by a template inside a DO block (the PostGIS-schema templates): one DO block with the
    block's DECLARE, the EXECUTE of its CREATE (as CREATE OR REPLACE) and the EXECUTEs of its COMMENT, GRANT and
    REVOKE, then the COMMENT, GRANT and REVOKE statements on the function that follow the DO block in the piece."""
    found = []
    for idx, (_, s) in enumerate(stmts):
        if not re.match(r'(?is)\s*DO\s+\$do\$', s):
            continue
        lines = s.split('\n')
        try:
            begin = next(i for i, l in enumerate(lines) if l.strip() == 'BEGIN')
            end = max(i for i, l in enumerate(lines) if l.strip() == 'END')
        except (StopIteration, ValueError):
            continue
        inner = [x for _, x in split_statements('\n'.join(lines[begin + 1:end]))]
        for k, x in enumerate(inner):
            m = re.match(r'(?is)\s*EXECUTE\s+pg_catalog\.format\(\$sql\$\s*CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+', x)
            t = routine_target(x[m.end():]) if m else None
            if not t or t[0] != name or (sig is not None and template_sig(t) != tuple(v.replace('%1$s.', '') for v in sig)):
                continue
            create = re.sub(r'(?is)(\$sql\$\s*)CREATE\s+(OR\s+REPLACE\s+)?FUNCTION', r'\1CREATE OR REPLACE FUNCTION', x, count=1)
            out = lines[:begin + 1] + [create]
            for y in inner[k + 1:]:
                n = TEMPLATE.match(y)
                if n and n.group(1).upper() != 'CREATE' and routine_on(y[n.start(1):], name):
                    out.append(y)
            out += lines[end:]
            after = [z for _, z in stmts[idx + 1:] if routine_on(z, name) and not re.match(r'(?is)\s*CREATE', z)]
            found.append(['\n'.join(out)] + after)
    return found


def routine_on(stmt, name):
    """True for a COMMENT ON / GRANT / REVOKE statement on the function NAME (any signature)."""
    m = re.match(r'(?is)\s*(?:COMMENT\s+ON|(?:GRANT|REVOKE)\s.*?\sON)\s+FUNCTION\s+(.*)$', stmt)
    t = routine_target(m.group(1)) if m else None
    return bool(t) and t[0] == name


def build(pieces):
    out = []
    for piece in pieces:
        with open(piece, encoding='utf-8') as f:
            lines = f.read().split('\n')
        if lines and lines[-1] == '':
            lines.pop()
        i = 0
        while i < len(lines):
            line = lines[i]
            if not line.startswith('--@'):
                out.append(line)
                i += 1
                continue
            first, text = i + 1, line
            while text.count('(') > text.count(')') and i + 1 < len(lines) and lines[i + 1].startswith('--@'):
                i += 1
                text += ' ' + lines[i][3:].strip()
            i += 1
            m = DIRECTIVE.match(text)
            try:
                if not m:
                    raise BuildError('a directive reads "--@ from src/sql/PIECE.sql: OBJECT"')
                out.append('-- ' + text[3:].strip())
                out.extend(expand(m.group(2), m.group(1)))
            except BuildError as e:
                sys.stderr.write('%s:%d: %s\n    in directive: %s\n' % (piece, first, e, text))
                sys.exit(1)
    sys.stdout.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    build(sys.argv[1:])
