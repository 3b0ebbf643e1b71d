# `make`      : set up .venv and convert every sample into build/<stem>.{xml,html,md,pdf}
# `make test` : set up the same way and run the test suite
# `make corpus SRC=dir OUT=dir FORMATS=xml,html,md JOBS=2` : akn batch (incremental)
# `make validate OUT=dir` : validate every AKN file under OUT
# `make bench` : the benchmarks (figures in README.md)
# `make roundtrip` : vendor opinions rendered to PDF and read back from the PDF and its text forms
PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SAMPLES := $(sort $(wildcard samples/*.txt samples/*.md samples/*.pdf))
FORMATS ?= xml,html,md,pdf
CORPUS  ?= ../shared/corpus
SRC     ?= samples
OUT     ?= build
JOBS    ?= $(shell nproc 2>/dev/null || echo 1)

.PHONY: all convert test eval roundtrip bench fuzz corpus validate sysdeps clean

all: convert

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[test,dask]'
	touch $@

sysdeps:
	@tools/system-deps.sh

convert: $(STAMP) sysdeps
	$(BIN)/akn convert $(SAMPLES) -o build --to $(FORMATS)
	$(BIN)/akn validate build/*.xml

test: $(STAMP) sysdeps
	$(BIN)/python -m pytest

corpus: $(STAMP)
	$(BIN)/akn batch $(SRC) -o $(OUT) --to $(FORMATS) -j $(JOBS)

validate: $(STAMP)
	$(BIN)/akn validate $(OUT)

eval: $(STAMP)
	$(BIN)/python tools/evaluate.py $(CORPUS)

roundtrip: $(STAMP) sysdeps
	$(BIN)/python tools/roundtrip.py $(CORPUS)

bench: $(STAMP)
	$(BIN)/python -m pytest tests/benchmarks --benchmark-only --benchmark-enable -p no:randomly

# The fuzzing suite, long and randomized (make test runs it short and derandomized).
FUZZ_EXAMPLES ?= 2000
fuzz: $(STAMP)
	AKN_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/fuzz -q

clean:
	rm -rf build out .pytest_cache
