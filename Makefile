# eco_monitor — PGXS build.
#   make demo   install what is missing, build, run the demo on a throwaway cluster
#   make test   the same set-up, then C unit tests, pg_regress and pgTAP (warnings are errors: COPT=-Werror)
#   make docs   regenerate docs/reference.md from the catalogue's COMMENTs (throwaway cluster); the layering drawing of docs/contributing.md
#   make test-shards   the same set-up, then a coordinator and three postgres_fdw shards against one node
#   make test-browser  the demo's report.html in headless Chromium
# Packagers, on any PostgreSQL 15+ with PostGIS (pg_config on PATH or PG_CONFIG=...):
#   make && make install && make installcheck
EXTENSION  = eco_monitor
EXTVERSION = 0.2.0
MODULE_big = eco_monitor

CORE_SRCS = $(sort $(wildcard src/core/*.c))
GLUE_SRCS = $(sort $(wildcard src/*.c))
OBJS      = $(CORE_SRCS:.c=.o) $(GLUE_SRCS:.c=.o)

# The install script is assembled from one SQL piece per family (src/sql/NN_area.sql).
SQL_PIECES = $(sort $(wildcard src/sql/*.sql))
# The upgrade from the 0.1.0 release is assembled the same way, from src/upgrade/NN_area.sql: each change to the
# installed SQL adds or extends the piece of its area (a new family's piece is a symlink to its install piece).
# upgrade/eco_monitor--0.1.0.sql is the 0.1.0 install script exactly as released (commit 7a67c65), shipped so that
# the upgrade test (test/shell/upgrade.sh) and users can install 0.1.0 and update from it.
# The upgrade script itself is generated from those pieces by `make upgrade-script` and committed as
# upgrade/eco_monitor--0.1.0--0.2.0.sql, so that a build needs no generator (test/shell/build_upgrade.sh fails
# when the committed script differs from a fresh generation).
UPGRADE_PIECES = $(sort $(wildcard src/upgrade/*.sql))
UPGRADE_SCRIPT = upgrade/$(EXTENSION)--0.1.0--$(EXTVERSION).sql
DATA_built = $(EXTENSION)--$(EXTVERSION).sql
DATA       = upgrade/$(EXTENSION)--0.1.0.sql $(UPGRADE_SCRIPT)

REGRESS      = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
# installcheck runs on any running server: its own UTF-8, C-locale database, whatever the server's defaults.
REGRESS_OPTS = --load-extension=postgis --load-extension=$(EXTENSION) --encoding=UTF8 --no-locale

# -ffp-contract=off: no fused multiply-add, so results are the same on every machine (parallel equals serial).
# Warnings are not errors in the shipped flags (a newer compiler must not break a packager's build); make test and
# CI add -Werror through PostgreSQL's own COPT variable (scripts/build.sh, scripts/test.sh).
STRICT_CFLAGS = -Wall -Wextra -ffp-contract=off
# PostgreSQL 15's own headers have static inline functions with unused parameters:
# the glue files, which include them, relax that one warning; the pure core does not.
PG_CFLAGS   += $(STRICT_CFLAGS) -Wno-unused-parameter
PG_CPPFLAGS += -I$(CURDIR)/src/core
SHLIB_LINK  += -lm

EXTRA_CLEAN = test/unit/*.bin test/unit/*.asan test/fuzz/*.fuzz test/fuzz/obj

# pg_config: PG_CONFIG if given, else the one on PATH (the packagers' convention), else Debian's PostgreSQL 15.
PG_CONFIG ?= $(firstword $(shell command -v pg_config 2>/dev/null) /usr/lib/postgresql/15/bin/pg_config)
.DEFAULT_GOAL := all
PG_MAJOR := $(shell $(PG_CONFIG) --version 2>/dev/null | sed -n 's/^PostgreSQL \([0-9][0-9]*\).*/\1/p')
ifneq ($(PG_MAJOR),)
ifeq ($(shell test $(PG_MAJOR) -ge 15 && echo ok),)
$(error eco_monitor needs PostgreSQL 15 or later; $(PG_CONFIG) is PostgreSQL $(PG_MAJOR))
endif
PGXS := $(shell $(PG_CONFIG) --pgxs)
ifneq ($(wildcard $(PGXS)),)
include $(PGXS)
HAVE_PGXS = 1
endif
endif
ifndef HAVE_PGXS
all:
	@echo "PostgreSQL 15+ server headers are missing: run 'make test' or 'make demo' (they install them on Debian)," \
	      "or install your distribution's PostgreSQL server development package and set PG_CONFIG"; exit 1
endif

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PIECES)
	cat $^ > $@

# scripts/build_upgrade.py copies the pieces, expanding each directive "--@ from src/sql/PIECE.sql: OBJECT" into
# that object's statements from the install piece (docs/contributing.md, "Changing installed SQL").
# The boilerplate of the four enum-like base types (I/O, operators, operator classes, casts) is typed once, in
# scripts/gen_base_types.py, which rewrites the generated regions of their install pieces (committed, checked fresh by
# test/shell/build_upgrade.sh, so a build needs no generator).
.PHONY: base-types
base-types:
	python3 scripts/gen_base_types.py

.PHONY: upgrade-script
upgrade-script:
	( printf '%s\n' '\echo Use "ALTER EXTENSION eco_monitor UPDATE" to load this file. \quit'; \
	  python3 scripts/build_upgrade.py $(UPGRADE_PIECES) ) > $(UPGRADE_SCRIPT).tmp && mv $(UPGRADE_SCRIPT).tmp $(UPGRADE_SCRIPT)

# C unit tests of the pure core: each test/unit/test_*.c links against src/core only.
UNIT_SRCS = $(sort $(wildcard test/unit/test_*.c))
UNIT_BINS = $(UNIT_SRCS:.c=.bin)
test/unit/%.bin: test/unit/%.c $(CORE_SRCS) $(wildcard src/core/*.h) test/unit/unit.h
	$(CC) -std=c99 -O2 -g $(STRICT_CFLAGS) $(COPT) -Isrc/core -o $@ $< $(CORE_SRCS) -lm

.PHONY: unit test demo bench docs test-browser test-shards
unit: $(UNIT_BINS)
	@rc=0; for t in $(UNIT_BINS); do ./$$t || rc=1; done; exit $$rc

# The same unit tests under AddressSanitizer + UndefinedBehaviorSanitizer (any report is fatal), and the
# libFuzzer targets over the core's text parsers (test/fuzz/fuzz_<name>.c, corpus test/fuzz/corpus/<name>/,
# see test/fuzz/README.md).  The core is compiled once, instrumented for both, into test/fuzz/obj/ (the
# coverage hooks of fuzzer-no-link have default definitions in the sanitizer runtime of the unit tests).
# make fuzz builds the targets and runs each for FUZZ_SECONDS (TAP, one test per target).
SAN_CC       ?= clang
FUZZ_CC      ?= $(SAN_CC)
FUZZ_SECONDS ?= 10
SAN_FLAGS     = -std=c99 -O1 -g -fno-omit-frame-pointer -fno-sanitize-recover=all $(STRICT_CFLAGS) -Isrc/core
CORE_HDRS     = $(wildcard src/core/*.h)
SAN_OBJS      = $(patsubst src/core/%.c,test/fuzz/obj/%.o,$(CORE_SRCS))
UNIT_ASAN_BINS = $(UNIT_SRCS:.c=.asan)
FUZZ_SRCS     = $(sort $(wildcard test/fuzz/fuzz_*.c))
FUZZ_BINS     = $(FUZZ_SRCS:.c=.fuzz)
test/fuzz/obj/%.o: src/core/%.c $(CORE_HDRS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(SAN_FLAGS) -fsanitize=fuzzer-no-link,address,undefined -c -o $@ $<
test/unit/%.asan: test/unit/%.c $(SAN_OBJS) $(CORE_HDRS) test/unit/unit.h
	$(SAN_CC) $(SAN_FLAGS) -fsanitize=address,undefined -o $@ $< $(SAN_OBJS) -lm
test/fuzz/%.fuzz: test/fuzz/%.c test/fuzz/fuzz_common.h $(SAN_OBJS) $(CORE_HDRS)
	$(FUZZ_CC) $(SAN_FLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< $(SAN_OBJS) -lm
.PHONY: unit-asan
unit-asan: $(UNIT_ASAN_BINS)
	@rc=0; for t in $(UNIT_ASAN_BINS); do \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ./$$t || rc=1; \
	done; exit $$rc
.PHONY: fuzz fuzz-build
fuzz-build: $(FUZZ_BINS)
fuzz: $(FUZZ_BINS)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash test/fuzz/run.sh $(FUZZ_BINS)

test:
	@bash scripts/test.sh

test-shards:
	@bash test/shards/run.sh

demo:
	@bash scripts/demo.sh

# make test-browser: make demo, then report.html in headless Chromium (screenshot and DOM checks)
test-browser:
	@bash test/browser/run.sh

bench:
	@bash scripts/bench.sh

docs:
	@python3 scripts/gen_layers.py
	@bash scripts/gen_docs.sh
