#!/bin/sh
# Build llama.cpp's llama-server (for bench/load.py) from the llama.cpp sources inside
# llama-cpp-python's sdist, the same version the app uses. Needs cmake and a C++ compiler;
# takes about 10 minutes on 2 cores. Prints the path of the binary.
set -e
VERSION=$(.venv/bin/python -c "import importlib.metadata as m; print(m.version('llama-cpp-python'))")
WORK=${1:-build/llama-server}
mkdir -p "$WORK"
BIN="$WORK/cmake/bin/llama-server"  # beside the ggml and llama libraries it loads
if [ ! -x "$BIN" ]; then
    .venv/bin/pip download --quiet --no-deps --no-binary :all: "llama-cpp-python==$VERSION" -d "$WORK"
    tar xzf "$WORK/llama_cpp_python-$VERSION.tar.gz" -C "$WORK"
    SRC="$WORK/llama_cpp_python-$VERSION/vendor/llama.cpp"
    cmake -S "$SRC" -B "$WORK/cmake" -DCMAKE_BUILD_TYPE=Release -DGGML_NATIVE=ON \
        -DLLAMA_BUILD_SERVER=ON -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_BUILD_UI=OFF \
        -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF >/dev/null
    cmake --build "$WORK/cmake" --target llama-server -j "${JOBS:-2}"
fi
echo "$BIN"
