#!/usr/bin/env python3
"""A straightforward HJ 212-2017 packet parser in Python (standard library only),
the tool a user would otherwise write: the benchmark's comparison for
eco.hj212_values and eco.hj212_ingest.

Reads one packet per line, verifies framing, length and CRC16, parses the
header and the CP area and refuses a packet for the same reasons as the
extension (framing, length, crc, syntax, timestamp, unknown code).  Prints a
summary (packets, values, sum of values, rejects by reason) and the elapsed
seconds, as "key value" lines, so that the SQL benchmark can compare them.

usage: hj212_parse.py FILE [ITEM_CODES_FILE]
ITEM_CODES_FILE lists "code2017 legacy" per line (eco.hj212_items); without it
only the codes of the benchmark are known.
"""
import sys
import time
from datetime import datetime

KINDS = {"Rtd", "Min", "Avg", "Max", "Cou", "ZsRtd", "ZsMin", "ZsAvg", "ZsMax"}
ATTRS = {"Flag", "EFlag", "SampleTime"}
FLAGS = set("NFMSDCTB")
HEADER = {"QN", "ST", "CN", "PW", "MN", "Flag", "PNUM", "PNO"}


def make_table():
    table = []
    for b in range(256):
        c = b
        for _ in range(8):
            c = (c >> 1) ^ 0xA001 if c & 1 else c >> 1
        table.append(c)
    return table


TABLE = make_table()


def crc16(data):
    crc = 0xFFFF
    for b in data:
        crc = TABLE[((crc >> 8) ^ b) & 0xFF]
    return crc


class Reject(Exception):
    def __init__(self, reason, detail=""):
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def parse_time(s):
    if len(s) != 14 or not s.isdigit():
        raise ValueError(s)
    return datetime.strptime(s, "%Y%m%d%H%M%S")


def parse_number(s):
    body = s[1:] if s[:1] in "+-" else s
    if not body or body.count(".") > 1 or not body.replace(".", "").isdigit():
        raise ValueError(s)
    return float(s)


def parse(line, codes):
    """Returns (header dict, data_time, [(code2017, kind, value, flag)])."""
    raw = line.encode("utf-8")
    if raw.endswith(b"\r\n"):
        raw = raw[:-2]
    elif raw.endswith(b"\r"):
        raw = raw[:-1]
    if not raw.startswith(b"##"):
        raise Reject("framing", "packet does not start with ##")
    if len(raw) < 10:
        raise Reject("framing", "packet too short")
    if not raw[2:6].isdigit():
        raise Reject("framing", "data length is not 4 decimal digits")
    n = int(raw[2:6])
    if len(raw) - 10 != n:
        raise Reject("length", "declared %d, data segment has %d" % (n, len(raw) - 10))
    if n > 1024:
        raise Reject("length", "data segment longer than 1024 bytes")
    data, crc_text = raw[6:6 + n], raw[6 + n:]
    try:
        crc_sent = int(crc_text, 16)
    except ValueError:
        raise Reject("framing", "CRC is not 4 hexadecimal digits")
    if crc16(data) != crc_sent:
        raise Reject("crc")
    text = data.decode("utf-8")
    head, sep, cp = text.partition("CP=&&")
    if not sep:
        raise Reject("syntax", "no CP=&& data area")
    if not cp.endswith("&&"):
        raise Reject("syntax", "CP data area not closed by &&")
    cp = cp[:-2]
    header = {}
    for field in head.split(";"):
        if not field:
            continue
        k, eq, v = field.partition("=")
        if not eq or k not in HEADER or k in header:
            raise Reject("syntax", "bad header field " + field)
        header[k] = v
    if "ST" not in header or "CN" not in header or "MN" not in header:
        raise Reject("syntax", "header lacks ST, CN or MN")
    data_time = None
    values, flags = [], {}
    for field in cp.replace(",", ";").split(";"):
        if not field:
            continue
        k, eq, v = field.partition("=")
        if not eq:
            raise Reject("syntax", "CP field without '='")
        code, dash, suffix = k.partition("-")
        if not dash:
            if k == "DataTime":
                try:
                    data_time = parse_time(v)
                except ValueError:
                    raise Reject("timestamp", "bad DataTime: " + v)
            continue
        if suffix not in KINDS and suffix not in ATTRS:
            raise Reject("syntax", "unknown field: " + k)
        if code not in codes:
            raise Reject("unknown code", code)
        code2017 = codes[code]
        if suffix == "Flag":
            if v not in FLAGS:
                raise Reject("syntax", "unknown data flag")
            flags[code2017] = v
        elif suffix == "SampleTime":
            try:
                parse_time(v)
            except ValueError:
                raise Reject("timestamp", "bad SampleTime")
        elif suffix in KINDS:
            try:
                values.append([code2017, suffix, parse_number(v), None])
            except ValueError:
                raise Reject("syntax", "bad number")
    for val in values:
        val[3] = flags.get(val[0])
    return header, data_time, values


def main():
    path = sys.argv[1]
    codes = {}
    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding="utf-8") as f:
            for row in f:
                parts = row.split()
                if parts:
                    codes[parts[0]] = parts[0]
                    if len(parts) > 1 and parts[1] not in ("", "\\N"):
                        codes[parts[1]] = parts[0]
    start = time.perf_counter()
    cpu_start = time.process_time()
    packets = nvalues = 0
    total = 0.0
    rejects = {}
    with open(path, encoding="utf-8", newline="\n") as f:
        for line in f:
            line = line.rstrip("\n")
            try:
                _, _, values = parse(line, codes)
            except Reject as r:
                rejects[r.reason] = rejects.get(r.reason, 0) + 1
                continue
            packets += 1
            nvalues += len(values)
            for v in values:
                total += round(v[2], 6)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    print("packets", packets)
    print("values", nvalues)
    print("sum", "%.3f" % total)
    for reason in sorted(rejects):
        print("reject:" + reason.replace(" ", "_"), rejects[reason])
    print("seconds", "%.3f" % elapsed)
    print("cpu_seconds", "%.3f" % cpu)


if __name__ == "__main__":
    main()
