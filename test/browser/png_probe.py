#!/usr/bin/env python3
"""Read pixels of a PNG (8-bit RGB/RGBA/grey, non-interlaced) with the standard library only.

Usage: png_probe.py FILE QUERY...
  pixel:X,Y                 -> #RRGGBB of the pixel (alpha composed over white)
  count:#RRGGBB             -> pixels of exactly that colour
  near:#RRGGBB:TOL          -> pixels within TOL of that colour on each channel
  nonwhite                  -> pixels that are not white
  dark:X0,Y0,X1,Y1          -> pixels darker than 128 (mean of channels) inside the box
  size                      -> WIDTHxHEIGHT
One answer per line, in the order of the queries.
"""
import struct
import sys
import zlib


def read_png(path):
    with open(path, 'rb') as f:
        data = f.read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise SystemExit('not a PNG: %s' % path)
    pos, idat, w = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            w, h, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', body)
            if depth != 8 or interlace != 0 or ctype not in (0, 2, 4, 6):
                raise SystemExit('unsupported PNG (depth %d, colour type %d, interlace %d)' % (depth, ctype, interlace))
        elif kind == b'IDAT':
            idat.append(body)
        pos += 12 + n
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[ctype]
    raw = zlib.decompress(b''.join(idat))
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        ft = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pr) & 255
        rows.append(bytes(line))
        prev = line
    px = []
    for line in rows:
        r = []
        for x in range(w):
            v = line[x * bpp:(x + 1) * bpp]
            if ctype in (0, 4):
                rgb, al = (v[0], v[0], v[0]), (v[1] if ctype == 4 else 255)
            else:
                rgb, al = (v[0], v[1], v[2]), (v[3] if ctype == 6 else 255)
            r.append(tuple((c * al + 255 * (255 - al)) // 255 for c in rgb))
        px.append(r)
    return w, h, px


def hexc(c):
    return '#%02X%02X%02X' % c


def parse(c):
    c = c.lstrip('#')
    return (int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16))


def main():
    w, h, px = read_png(sys.argv[1])
    for q in sys.argv[2:]:
        kind, _, arg = q.partition(':')
        if kind == 'pixel':
            x, y = map(int, arg.split(','))
            print(hexc(px[y][x]))
        elif kind == 'count':
            t = parse(arg)
            print(sum(row.count(t) for row in px))
        elif kind == 'near':
            col, tol = arg.rsplit(':', 1)
            t, tol = parse(col), int(tol)
            print(sum(1 for row in px for p in row if all(abs(p[i] - t[i]) <= tol for i in range(3))))
        elif kind == 'nonwhite':
            print(sum(1 for row in px for p in row if p != (255, 255, 255)))
        elif kind == 'dark':
            x0, y0, x1, y1 = map(int, arg.split(','))
            print(sum(1 for y in range(y0, min(y1, h)) for x in range(x0, min(x1, w)) if sum(px[y][x]) < 384))
        elif kind == 'size':
            print('%dx%d' % (w, h))
        else:
            raise SystemExit('unknown query %s' % q)


if __name__ == '__main__':
    main()
