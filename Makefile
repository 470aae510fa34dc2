# eco_monitor — PGXS build.
#   make demo   install what is missing, build, run the demo on a throwaway cluster
#   make test   the same set-up, then C unit tests, pg_regress and pgTAP
#   make test-shards   the same set-up, then a coordinator and three postgres_fdw shards against one node
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
UPGRADE_PIECES = $(sort $(wildcard src/upgrade/*.sql))
DATA_built = $(EXTENSION)--$(EXTVERSION).sql $(EXTENSION)--0.1.0--$(EXTVERSION).sql
DATA       = upgrade/$(EXTENSION)--0.1.0.sql

REGRESS      = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
REGRESS_OPTS = --load-extension=postgis --load-extension=$(EXTENSION)

STRICT_CFLAGS = -Wall -Wextra -Werror -ffp-contract=off
# PostgreSQL 15's own headers have static inline functions with unused parameters:
# the glue files, which include them, relax that one warning; the pure core does not.
PG_CFLAGS   += $(STRICT_CFLAGS) -Wno-unused-parameter
PG_CPPFLAGS += -I$(CURDIR)/src/core
SHLIB_LINK  += -lm

EXTRA_CLEAN = test/unit/*.bin

PG_CONFIG ?= /usr/lib/postgresql/15/bin/pg_config
.DEFAULT_GOAL := all
ifneq ($(wildcard $(PG_CONFIG)),)
PGXS := $(shell $(PG_CONFIG) --pgxs)
ifneq ($(wildcard $(PGXS)),)
include $(PGXS)
HAVE_PGXS = 1
endif
endif
ifndef HAVE_PGXS
all:
	@echo "PostgreSQL 15 server headers are missing: run 'make test' or 'make demo' (they install them)"; exit 1
endif

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PIECES)
	cat $^ > $@

$(EXTENSION)--0.1.0--$(EXTVERSION).sql: $(UPGRADE_PIECES)
	( printf '%s\n' '\echo Use "ALTER EXTENSION eco_monitor UPDATE" to load this file. \quit'; cat /dev/null $^ ) > $@

# C unit tests of the pure core: each test/unit/test_*.c links against src/core only.
UNIT_SRCS = $(sort $(wildcard test/unit/test_*.c))
UNIT_BINS = $(UNIT_SRCS:.c=.bin)
test/unit/%.bin: test/unit/%.c $(CORE_SRCS) $(wildcard src/core/*.h) test/unit/unit.h
	$(CC) -std=c99 -O2 -g $(STRICT_CFLAGS) -Isrc/core -o $@ $< $(CORE_SRCS) -lm

.PHONY: unit test demo bench test-shards
unit: $(UNIT_BINS)
	@rc=0; for t in $(UNIT_BINS); do ./$$t || rc=1; done; exit $$rc

test:
	@bash scripts/test.sh

test-shards:
	@bash test/shards/run.sh

demo:
	@bash scripts/demo.sh

bench:
	@bash scripts/bench.sh
