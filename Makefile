# cognito-attr-code: `make demo` runs the main job, `make test` runs every test suite.
# Binding crates are built only through their own tools (see docs/development.md).

CARGO        ?= cargo
CC           ?= gcc
CXX          ?= g++
CBINDGEN_VERSION := 0.29.4
RELEASE      := target/release
SHARED_LIB   := $(RELEASE)/libcognito_attr_code.so
STATIC_LIB   := $(RELEASE)/libcognito_attr_code.a
BUILD        := target/c
HEADER       := include/cognito_attr_code.h
CFLAGS_STRICT   := -std=c99 -Wall -Wextra -Wpedantic -Werror -Iinclude -Itests/c
CXXFLAGS_STRICT := -std=c++17 -Wall -Wextra -Wpedantic -Werror -Iinclude
C_TEST_SOURCES  := tests/c/test_c_api.c tests/c/loopback_server.c
SYSTEM_LIBS     := -lpthread -ldl -lm
VERSION      := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml)
VERSION_MAJOR := $(word 1,$(subst ., ,$(VERSION)))
VERSION_MINOR := $(word 2,$(subst ., ,$(VERSION)))
# The ABI version (ffi-c/build.rs): `0.<minor>` before 1.0, where a minor release may break
# compatibility, then the major version.
ABI_VERSION  := $(if $(filter 0,$(VERSION_MAJOR)),0.$(VERSION_MINOR),$(VERSION_MAJOR))
SONAME       := libcognito_attr_code.so.$(ABI_VERSION)
# `make install PREFIX=... DESTDIR=...`: DESTDIR stages the tree; PREFIX is where it will live.
PREFIX       ?= /usr/local
# The pkg-config file's prefix: PREFIX for a system install; make dist's tarballs pass
# '$${pcfiledir}/../..' so that they work wherever they are unpacked.
PC_PREFIX    ?= $(PREFIX)
DESTDIR      ?=
INSTALL_ROOT  = $(DESTDIR)$(PREFIX)
INSTALLED_FILES = lib/libcognito_attr_code.so.$(VERSION) lib/$(SONAME) lib/libcognito_attr_code.so \
                  lib/libcognito_attr_code.a include/cognito_attr_code.h include/cognito_attr_code.hpp \
                  lib/pkgconfig/cognito_attr_code.pc lib/cmake/CognitoAttrCode/CognitoAttrCodeConfig.cmake \
                  lib/cmake/CognitoAttrCode/CognitoAttrCodeConfigVersion.cmake bin/cognito-attr-code
# The consumer tests use cmake and pkg-config from PATH, else pinned copies from PyPI in a venv.
TOOLS_VENV   := $(CURDIR)/target/tools-venv
CMAKE        := $(or $(shell command -v cmake),$(TOOLS_VENV)/bin/cmake)
PKG_CONFIG   := $(or $(shell command -v pkg-config),$(TOOLS_VENV)/bin/pkgconf)
VALGRIND := valgrind --quiet --error-exitcode=1 --leak-check=full \
            --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect

.PHONY: generate check-generated fmt lint docs
.PHONY: bench
.PHONY: dist test-dist check-darwin notices check-notices
.PHONY: install uninstall test-install test-cpp-wrapper check-symbols check-readme-c check-instructions
.PHONY: sandbox
.PHONY: all lib cli test test-rust test-c test-python test-node test-cli test-e2e test-stress demo header check-header load clean fuzz fuzz-smoke

all: lib cli

# The SONAME link lets programs linked in the build tree (-Ltarget/release) load the library.
lib:
	$(CARGO) build --release -p cognito-attr-code-ffi
	ln -sf libcognito_attr_code.so $(RELEASE)/$(SONAME)

cli:
	$(CARGO) build --release -p cognito-attr-code-cli

test: lint docs test-rust check-header check-generated check-notices test-c test-cli test-python test-node test-e2e fuzz-smoke

test-rust:
	$(CARGO) test -p cognito-attr-code -p cognito-attr-code-ffi -p cognito-attr-code-fake
	# The fallback to the bundled roots, with a private CA in their place (core/tests/bundled_roots.rs).
	$(CARGO) test -p cognito-attr-code --features test-fallback-roots --test bundled_roots

# Formatters and linters, pinned and installed into the project tree: rustfmt and clippy on every
# crate with one target dir (target/lint), ruff for Python (.tools/ruff-VERSION), Biome for the Node
# package's JavaScript and TypeScript (tools/lint). `make fmt` rewrites; `make lint` only checks.
RUFF_VERSION := 0.17.6
RUFF         := .tools/ruff-$(RUFF_VERSION)/bin/ruff
BIOME        := tools/lint/node_modules/.bin/biome
LINT_CARGO   := CARGO_TARGET_DIR=$(CURDIR)/target/lint $(CARGO)
RUST_CRATES  := -p cognito-attr-code -p cognito-attr-code-ffi -p cognito-attr-code-test-support \
                -p cognito-attr-code-cli -p cognito-attr-code-node -p cognito-attr-code-fake

$(RUFF):
	python3 -m venv .tools/ruff-$(RUFF_VERSION)
	.tools/ruff-$(RUFF_VERSION)/bin/pip install --quiet --disable-pip-version-check ruff==$(RUFF_VERSION)

$(BIOME): tools/lint/package.json tools/lint/package-lock.json
	npm ci --prefix tools/lint --no-audit --no-fund --loglevel=error
	touch $@

fmt: $(RUFF) $(BIOME)
	$(CARGO) fmt --all
	$(CARGO) fmt --manifest-path fuzz/Cargo.toml
	$(RUFF) check --fix --quiet .
	$(RUFF) format --quiet .
	$(BIOME) format --write bindings-node
	$(BIOME) lint --write bindings-node

# README.md stays within 15 KB. The API reference, into target/docs/: rustdoc for core (any item
# without docs or any rustdoc warning fails it), then every public Python name (modules and stubs),
# TypeScript export and C declaration must carry a doc comment (the checked files copied beside).
DOCS := target/docs
docs:
	@size=$$(wc -c <README.md); [ "$$size" -le 15360 ] || \
	  { echo "README.md is $$size bytes, over 15 KB: move material to docs/"; exit 1; }
	RUSTDOCFLAGS="-D missing_docs -D warnings" $(LINT_CARGO) doc --quiet --no-deps -p cognito-attr-code
	rm -rf $(DOCS) && mkdir -p $(DOCS)
	cp -R target/lint/doc $(DOCS)/rust
	python3 scripts/docs/python_docstrings.py bindings-python/python/cognito_attr_code $(DOCS)/python
	python3 scripts/docs/declaration_docs.py ts bindings-node/index.d.ts \
	    bindings-node/lib/service-errors.generated.d.ts bindings-node/binding.d.ts --out $(DOCS)/node
	python3 scripts/docs/declaration_docs.py c $(HEADER) --out $(DOCS)/c
	@echo "API reference: $(DOCS)/rust/cognito_attr_code/index.html, $(DOCS)/python, $(DOCS)/node, $(DOCS)/c"

# Biome is given bindings-node/ by name: walking the tree it would follow target/'s wine prefix,
# whose z: drive links to /.
lint: $(RUFF) $(BIOME)
	$(CARGO) fmt --all -- --check
	$(CARGO) fmt --manifest-path fuzz/Cargo.toml -- --check
	$(LINT_CARGO) clippy --quiet $(RUST_CRATES) --all-targets -- -D warnings
	$(LINT_CARGO) clippy --quiet -p cognito-attr-code-python -- -D warnings
	$(LINT_CARGO) clippy --quiet -p cognito-attr-code --features fuzzing -- -D warnings
	$(LINT_CARGO) clippy --quiet -p cognito-attr-code --features test-fallback-roots --tests -- -D warnings
	$(RUFF) check --quiet .
	$(RUFF) format --check --quiet .
	$(BIOME) lint --error-on-warnings bindings-node
	$(BIOME) format bindings-node

$(BUILD):
	mkdir -p $(BUILD)

# The C API against the shared and the static library, a C++17 translation unit, valgrind and ASan;
# the verify flow against the command line's fake Cognito (tests/c/test_fake_cli.c, the C example
# of docs/testing.md).
test-c: lib cli | $(BUILD)
	@command -v valgrind >/dev/null || { echo "make test-c needs valgrind on PATH:" \
	  "apt-get install valgrind (Debian/Ubuntu) or dnf install valgrind (Fedora); see docs/development.md Requirements"; exit 1; }
	$(CC) $(CFLAGS_STRICT) -o $(BUILD)/test_shared $(C_TEST_SOURCES) \
	    -L$(RELEASE) -lcognito_attr_code -Wl,-rpath,$(CURDIR)/$(RELEASE) $(SYSTEM_LIBS)
	$(CC) $(CFLAGS_STRICT) -o $(BUILD)/test_static $(C_TEST_SOURCES) $(STATIC_LIB) $(SYSTEM_LIBS)
	$(CC) $(CFLAGS_STRICT) -fsanitize=address -fno-omit-frame-pointer -g -o $(BUILD)/test_asan \
	    $(C_TEST_SOURCES) $(STATIC_LIB) $(SYSTEM_LIBS)
	$(CXX) $(CXXFLAGS_STRICT) -o $(BUILD)/test_cpp tests/c/test_cpp_header.cpp \
	    -L$(RELEASE) -lcognito_attr_code -Wl,-rpath,$(CURDIR)/$(RELEASE) $(SYSTEM_LIBS)
	$(CC) $(CFLAGS_STRICT) -o $(BUILD)/send_code examples/c/send_code.c $(STATIC_LIB) $(SYSTEM_LIBS)
	$(CXX) $(CXXFLAGS_STRICT) -o $(BUILD)/send_code_cxx -x c++ examples/c/send_code.c -x none $(STATIC_LIB) $(SYSTEM_LIBS)
	$(CC) $(CFLAGS_STRICT) -o $(BUILD)/verify_code examples/c/verify_code.c $(STATIC_LIB) $(SYSTEM_LIBS)
	$(CC) $(CFLAGS_STRICT) -o $(BUILD)/test_processes tests/c/test_processes.c \
	    -L$(RELEASE) -lcognito_attr_code -Wl,-rpath,$(CURDIR)/$(RELEASE) $(SYSTEM_LIBS)
	$(CC) $(CFLAGS_STRICT) -o $(BUILD)/test_processes_static tests/c/test_processes.c $(STATIC_LIB) $(SYSTEM_LIBS)
	$(CC) $(CFLAGS_STRICT) -o $(BUILD)/test_fake_cli tests/c/test_fake_cli.c $(STATIC_LIB) $(SYSTEM_LIBS)
	$(BUILD)/test_fake_cli $(RELEASE)/cognito-attr-code
	$(VALGRIND) $(BUILD)/test_fake_cli $(RELEASE)/cognito-attr-code
	readelf -d $(SHARED_LIB) | grep -q 'Library soname: \[$(SONAME)\]'
	$(BUILD)/test_processes_static
	FORK_RUNS=1 $(VALGRIND) $(BUILD)/test_processes under-valgrind
	# A user's own valgrind CI, without our leak filters: nothing "possibly lost" at exit.
	valgrind --quiet --leak-check=full --error-exitcode=1 $(BUILD)/test_processes clean-exit
	$(BUILD)/test_shared
	$(BUILD)/test_static
	$(BUILD)/test_cpp
	ASAN_OPTIONS=detect_leaks=1 $(BUILD)/test_asan
	$(VALGRIND) $(BUILD)/test_shared
	$(MAKE) --no-print-directory check-symbols check-readme-c test-cpp-wrapper test-install check-instructions

# The cost guard: instructions per call of the C client on a reused keep-alive connection (the
# bench's 1,231-character token, bench/c_client.c against a plain-HTTP stub on 127.0.0.1), under
# callgrind; fails above 1.5x the 75,000 target, printing the breakdown by function.
check-instructions: lib | $(BUILD)
	$(CC) $(CFLAGS_STRICT) -O2 -o $(BUILD)/keepalive_stub tests/c/keepalive_stub.c
	$(CC) $(CFLAGS_STRICT) -O2 -o $(BUILD)/bench_c_client bench/c_client.c $(STATIC_LIB) $(SYSTEM_LIBS)
	python3 scripts/instructions_per_call.py $(BUILD)/bench_c_client $(BUILD)/keepalive_stub
	@# Proves the guard: a client costing twice today's figures (ceilings halved) fails it, with the breakdown.
	! python3 scripts/instructions_per_call.py $(BUILD)/bench_c_client $(BUILD)/keepalive_stub \
	  --ceiling 37000 --distinct-ceiling 80000 >$(BUILD)/instructions-regressed.txt
	grep -q 'top functions (self cost, per call)' $(BUILD)/instructions-regressed.txt

# The exported symbols are exactly the checked-in list (ABI review: a removal or a rename is a
# major version bump), and the header declares each of them.
check-symbols: lib
	nm -D --defined-only $(SHARED_LIB) | awk '{ print $$3 }' | LC_ALL=C sort | \
	  diff -u ffi-c/exported-symbols.txt - || \
	  { echo "exported symbols differ from ffi-c/exported-symbols.txt"; exit 1; }
	for symbol in $$(cat ffi-c/exported-symbols.txt); do \
	  grep -q "[ *]$$symbol(" $(HEADER) || { echo "$$symbol is not declared in $(HEADER)"; exit 1; }; done

# Every fenced block of README.md and docs/ is one a test compiles or runs; every C snippet
# among them compiles verbatim as C99 and as C++17.
check-readme-c: lib | $(BUILD)
	python3 tests/docs/check_blocks.py
	for doc in README.md docs/*.md; do grep -qE '^```(c|cpp)$$' $$doc || continue; \
	  CC="$(CC)" CXX="$(CXX)" sh tests/c/check_readme_snippets.sh $$doc $(BUILD)/snippets/$$(basename $$doc .md) || exit 1; done

# The header-only C++17 wrapper, under AddressSanitizer and valgrind; from C++14, one clear error.
test-cpp-wrapper: lib | $(BUILD)
	$(CC) -std=c99 -Wall -Wextra -Werror -g -c tests/c/loopback_server.c -o $(BUILD)/loopback_server.o
	$(CC) -std=c99 -Wall -Wextra -Werror -g -fsanitize=address -c tests/c/loopback_server.c \
	    -o $(BUILD)/loopback_server_asan.o
	$(CXX) $(CXXFLAGS_STRICT) -Itests/c -g -o $(BUILD)/test_cpp_wrapper tests/c/test_cpp_wrapper.cpp \
	    $(BUILD)/loopback_server.o -L$(RELEASE) -lcognito_attr_code -Wl,-rpath,$(CURDIR)/$(RELEASE) $(SYSTEM_LIBS)
	$(CXX) $(CXXFLAGS_STRICT) -Itests/c -g -fsanitize=address -fno-omit-frame-pointer \
	    -o $(BUILD)/test_cpp_wrapper_asan tests/c/test_cpp_wrapper.cpp $(BUILD)/loopback_server_asan.o \
	    $(STATIC_LIB) $(SYSTEM_LIBS)
	ASAN_OPTIONS=detect_leaks=1 $(BUILD)/test_cpp_wrapper_asan
	$(VALGRIND) $(BUILD)/test_cpp_wrapper
	CXX="$(CXX)" sh tests/c/check_cpp14_error.sh $(BUILD)/cpp14

# Consumer projects (pkg-config and CMake, shared and static) against `make install` into a
# temporary prefix, then `make uninstall`.
test-install: lib cli $(if $(findstring $(TOOLS_VENV),$(CMAKE) $(PKG_CONFIG)),$(TOOLS_VENV)/bin/consumer-tools)
	CC="$(CC)" CMAKE="$(CMAKE)" PKG_CONFIG="$(PKG_CONFIG)" MAKE="$(MAKE)" sh tests/consumers/run.sh

$(TOOLS_VENV)/bin/consumer-tools:
	python3 -m venv $(TOOLS_VENV)
	$(TOOLS_VENV)/bin/pip install --quiet --disable-pip-version-check cmake==3.31.6 pkgconf==3.0.7.post0
	touch $@

install: lib cli
	install -d "$(INSTALL_ROOT)/lib/pkgconfig" "$(INSTALL_ROOT)/lib/cmake/CognitoAttrCode" \
	    "$(INSTALL_ROOT)/include" "$(INSTALL_ROOT)/bin"
	install -m 755 $(SHARED_LIB) "$(INSTALL_ROOT)/lib/libcognito_attr_code.so.$(VERSION)"
	ln -sf libcognito_attr_code.so.$(VERSION) "$(INSTALL_ROOT)/lib/$(SONAME)"
	ln -sf $(SONAME) "$(INSTALL_ROOT)/lib/libcognito_attr_code.so"
	install -m 644 $(STATIC_LIB) "$(INSTALL_ROOT)/lib/libcognito_attr_code.a"
	install -m 644 $(HEADER) include/cognito_attr_code.hpp "$(INSTALL_ROOT)/include/"
	sed -e 's|@PREFIX@|$(PC_PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' -e 's|@STATIC_LIBS@|$(SYSTEM_LIBS)|g' \
	    ffi-c/install/cognito_attr_code.pc.in > "$(INSTALL_ROOT)/lib/pkgconfig/cognito_attr_code.pc"
	for file in CognitoAttrCodeConfig CognitoAttrCodeConfigVersion; do \
	  sed -e 's|@VERSION@|$(VERSION)|g' -e 's|@MAJOR@|$(VERSION_MAJOR)|g' -e 's|@MINOR@|$(VERSION_MINOR)|g' \
	      -e 's|@STATIC_LIBS@|$(SYSTEM_LIBS)|g' ffi-c/install/$$file.cmake.in \
	      > "$(INSTALL_ROOT)/lib/cmake/CognitoAttrCode/$$file.cmake" || exit 1; done
	install -m 755 $(RELEASE)/cognito-attr-code "$(INSTALL_ROOT)/bin/cognito-attr-code"

uninstall:
	for file in $(INSTALLED_FILES); do rm -f "$(INSTALL_ROOT)/$$file"; done
	-rmdir "$(INSTALL_ROOT)/lib/cmake/CognitoAttrCode" 2>/dev/null

test-python:
	bindings-python/scripts/test.sh

test-node:
	sh bindings-node/scripts/test.sh

test-cli:
	cli/scripts/test.sh

# Every front end against cognito-local, a third-party Cognito emulator.
test-e2e:
	scripts/test-e2e.sh

# 16 000 calls on one client against a server that closes every connection after its response.
test-stress:
	$(CARGO) test --release -p cognito-attr-code --test stale_connections -- --ignored --nocapture

# Builds every front end, starts cognito-local, and sends a verification code from each.
demo:
	@for tool in cargo cc python3 node npm; do command -v $$tool >/dev/null || \
	  { echo "make demo needs '$$tool' on PATH (see docs/development.md: Requirements)"; exit 1; }; done
	@echo "==> one-time build of the C library, CLI, Python wheel and Node addon (a few minutes the first time)"
	@scripts/install-frontends.sh target/demo
	@python3 scripts/demo.py

# A local Cognito (cognito-local on 127.0.0.1) to try the README snippets against: prints the
# export lines and how to read the code, runs until Ctrl-C, then removes what it made.
sandbox:
	@for tool in python3 node npm; do command -v $$tool >/dev/null || \
	  { echo "make sandbox needs '$$tool' on PATH (see docs/development.md: Requirements)"; exit 1; }; done
	@python3 scripts/sandbox.py

# cbindgen, pinned, installed once into the project's own tool folder: no global install needed.
# A folder per version, so changing CBINDGEN_VERSION installs the new one.
CBINDGEN_ROOT := .tools/cbindgen-$(CBINDGEN_VERSION)
CBINDGEN      := $(CBINDGEN_ROOT)/bin/cbindgen

$(CBINDGEN):
	$(CARGO) install --quiet --root $(CBINDGEN_ROOT) cbindgen --version =$(CBINDGEN_VERSION) --locked
	$(CBINDGEN) --version | grep -qx "cbindgen $(CBINDGEN_VERSION)"

header: $(CBINDGEN)
	$(CBINDGEN) --config ffi-c/cbindgen.toml --crate cognito-attr-code-ffi --output $(HEADER) ffi-c

# Fails when the checked-in header differs from what cbindgen generates now; then proves that the
# comparison catches drift by running it on a copy of the header with one declaration removed.
check-header: $(CBINDGEN) | $(BUILD)
	$(CBINDGEN) --config ffi-c/cbindgen.toml --crate cognito-attr-code-ffi --output $(BUILD)/header.h ffi-c 2>/dev/null
	scripts/compare-header.sh $(HEADER) $(BUILD)/header.h
	grep -v 'cognito_status_name' $(HEADER) >$(BUILD)/drifted-header.h
	! scripts/compare-header.sh $(BUILD)/drifted-header.h $(BUILD)/header.h >/dev/null 2>&1

# Every generated file but the Node loader and types (`npm run build` in bindings-node; checked by
# test-node), from pinned inputs: `make generate` rewrites them; `make check-generated` fails when
# a checked-in one drifted. The Rust tables' generators are in scripts/generate/.
generate: header
	scripts/generate/run.sh generate

check-generated: check-header
	scripts/generate/run.sh check

# Load harnesses (not part of `make test`): one client shared by 8 threads x 5 000 calls against a
# local keep-alive server, in Rust and in Python; each prints its figures and fails on any error,
# RSS growth or file-descriptor growth.
LOAD_VENV := target/load-venv
load:
	$(CARGO) run --release -p cognito-attr-code --example load
	rm -rf $(LOAD_VENV) target/load-wheels
	python3 -m venv $(LOAD_VENV)
	$(LOAD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check "maturin==1.16.0"
	cd bindings-python && CARGO_TARGET_DIR=$(CURDIR)/target/python \
	  $(CURDIR)/$(LOAD_VENV)/bin/maturin build --release --quiet --out $(CURDIR)/target/load-wheels
	$(LOAD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps target/load-wheels/*.whl
	$(LOAD_VENV)/bin/python bindings-python/scripts/load.py

# Every front end against its peers (boto3, AWS CLI, JS SDK v3) and a raw socket loop on a local
# stub server (not part of `make test`): prints the table and the lean-path targets, writes
# bench/results.json and bench/chart.png. BENCH_QUICK=1 for a short run; BENCH_ONLY=concurrency
# for the concurrency section alone (N calls at once against a stub with a 50 ms delay).
bench:
	bench/run.sh

clean:
	$(CARGO) clean

# Fuzzing (cargo-fuzz, nightly): `make fuzz` runs each target of fuzz/ for FUZZ_SECONDS and prints
# executions and coverage; `make fuzz-smoke` (part of `make test`) runs each briefly, or says it
# skipped when no nightly toolchain is installed. cargo-fuzz is installed into .tools/.
FUZZ_SECONDS       ?= 60
FUZZ_SMOKE_SECONDS ?= 3
CARGO_FUZZ_VERSION := 0.13.2
CARGO_FUZZ         := .tools/bin/cargo-fuzz
HAVE_NIGHTLY       := $(shell $(CARGO) +nightly --version >/dev/null 2>&1 && echo yes)

$(CARGO_FUZZ):
	$(CARGO) install --root .tools cargo-fuzz --version =$(CARGO_FUZZ_VERSION) --locked

fuzz:
	@test "$(HAVE_NIGHTLY)" = yes || { echo "make fuzz needs a nightly toolchain: rustup toolchain install nightly"; exit 1; }
	$(MAKE) --no-print-directory $(CARGO_FUZZ)
	PATH="$(CURDIR)/.tools/bin:$$PATH" fuzz/run.sh $(FUZZ_SECONDS)

fuzz-smoke:
ifeq ($(HAVE_NIGHTLY),yes)
	$(MAKE) --no-print-directory $(CARGO_FUZZ)
	PATH="$(CURDIR)/.tools/bin:$$PATH" fuzz/run.sh $(FUZZ_SMOKE_SECONDS)
else
	@echo "fuzz-smoke: SKIPPED (no nightly toolchain; rustup toolchain install nightly to run it)"
endif

# Release artifacts against glibc 2.17 (README "Install"): `make dist` builds the C/CLI tarball,
# the manylinux2014 wheel and the sdist, the npm main and platform packages into target/dist/ with
# SHA256SUMS; `make test-dist` builds them and tests each as a user installs it (every CPython
# >= 3.9 found, npm without Rust on PATH, glibc symbol versions, licences, sizes).
# TARGETS="x86_64-unknown-linux-gnu ..." selects targets (default: all, scripts/dist/lib.sh).
dist:
	TARGETS="$(TARGETS)" scripts/dist/build.sh

test-dist: dist
	TARGETS="$(TARGETS)" scripts/dist/test.sh
	scripts/dist/check-darwin.sh

# macOS is a source platform: the code must compile for it (no SDK here to link).
check-darwin:
	scripts/dist/check-darwin.sh

# THIRD-PARTY-NOTICES.txt from Cargo.lock: `make notices` rewrites it; `make check-notices` fails
# when it is stale, then proves that it fails for a crate left out and for a licence text missing.
notices:
	python3 scripts/dist/third_party_notices.py generate THIRD-PARTY-NOTICES.txt

check-notices: | $(BUILD)
	python3 scripts/dist/third_party_notices.py check THIRD-PARTY-NOTICES.txt
	grep -v '^  jmespath ' THIRD-PARTY-NOTICES.txt >$(BUILD)/notices-without-a-crate.txt
	! python3 scripts/dist/third_party_notices.py check $(BUILD)/notices-without-a-crate.txt 2>/dev/null
	mkdir -p $(BUILD)/no-kept-licences && echo '{}' >$(BUILD)/no-kept-licences/sources.json
	! THIRD_PARTY_KEPT_LICENCES=$(BUILD)/no-kept-licences \
	  python3 scripts/dist/third_party_notices.py check THIRD-PARTY-NOTICES.txt 2>$(BUILD)/notices.err
	grep -q 'jmespath [0-9.]*: no licence file' $(BUILD)/notices.err
