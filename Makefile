# cognito-attr-code: `make demo` runs the main job, `make test` runs every test suite.
# Binding crates are built only through their own tools (see docs/toolchain notes in the README).

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
VALGRIND := valgrind --quiet --error-exitcode=1 --leak-check=full \
            --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect

.PHONY: all lib cli test test-rust test-c test-python test-node test-cli test-e2e test-stress demo header check-header clean

all: lib cli

lib:
	$(CARGO) build --release -p cognito-attr-code-ffi

cli:
	$(CARGO) build --release -p cognito-attr-code-cli

test: test-rust check-header test-c test-cli test-python test-node test-e2e

test-rust:
	$(CARGO) fmt -p cognito-attr-code -p cognito-attr-code-ffi -- --check
	$(CARGO) clippy -p cognito-attr-code -p cognito-attr-code-ffi --all-targets -- -D warnings
	$(CARGO) test -p cognito-attr-code -p cognito-attr-code-ffi

$(BUILD):
	mkdir -p $(BUILD)

# The C API against the shared and the static library, a C++17 translation unit, valgrind and ASan.
test-c: lib | $(BUILD)
	$(CC) $(CFLAGS_STRICT) -o $(BUILD)/test_shared $(C_TEST_SOURCES) \
	    -L$(RELEASE) -lcognito_attr_code -Wl,-rpath,$(CURDIR)/$(RELEASE) $(SYSTEM_LIBS)
	$(CC) $(CFLAGS_STRICT) -o $(BUILD)/test_static $(C_TEST_SOURCES) $(STATIC_LIB) $(SYSTEM_LIBS)
	$(CC) $(CFLAGS_STRICT) -fsanitize=address -fno-omit-frame-pointer -g -o $(BUILD)/test_asan \
	    $(C_TEST_SOURCES) $(STATIC_LIB) $(SYSTEM_LIBS)
	$(CXX) $(CXXFLAGS_STRICT) -o $(BUILD)/test_cpp tests/c/test_cpp_header.cpp \
	    -L$(RELEASE) -lcognito_attr_code -Wl,-rpath,$(CURDIR)/$(RELEASE) $(SYSTEM_LIBS)
	$(CC) $(CFLAGS_STRICT) -o $(BUILD)/send_code examples/c/send_code.c $(STATIC_LIB) $(SYSTEM_LIBS)
	nm -D --defined-only $(SHARED_LIB) | grep -q ' T cognito_get_attr_code$$'
	$(BUILD)/test_shared
	$(BUILD)/test_static
	$(BUILD)/test_cpp
	ASAN_OPTIONS=detect_leaks=1 $(BUILD)/test_asan
	$(VALGRIND) $(BUILD)/test_shared

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
	  { echo "make demo needs '$$tool' on PATH (see README: Requirements)"; exit 1; }; done
	@echo "==> one-time build of the C library, CLI, Python wheel and Node addon (a few minutes the first time)"
	@scripts/install-frontends.sh target/demo
	@python3 scripts/demo.py

header:
	cbindgen --config ffi-c/cbindgen.toml --crate cognito-attr-code-ffi --output $(HEADER) ffi-c

check-header: | $(BUILD)
	@cbindgen --version | grep -qx "cbindgen $(CBINDGEN_VERSION)" || \
	  { echo "cbindgen $(CBINDGEN_VERSION) is required: cargo install cbindgen --version =$(CBINDGEN_VERSION) --locked"; exit 1; }
	cbindgen --config ffi-c/cbindgen.toml --crate cognito-attr-code-ffi --output $(BUILD)/header.h ffi-c 2>/dev/null
	diff -u $(HEADER) $(BUILD)/header.h || { echo "$(HEADER) is stale: run make header"; exit 1; }

clean:
	$(CARGO) clean
