#!/usr/bin/env bash
# Runs the published GPU check (tools/gpu-check/build.sh) on the GPU machine. Prints the CUDA
# libraries found or missing, the devices the engine discovers (or why CUDA is unusable), and
# latency p50/p99 and throughput per device, and whether the exact decoder generates the expected
# tokens on every device (alone and batched, the GPU matching the CPU). Exit 0: CUDA used; 3: CPU
# only; 4: a decoder mismatch; else a failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=.device/gpu-check
if [ ! -x "$out/gpu-check" ]; then
  echo "missing $out/gpu-check: run tools/gpu-check/build.sh first" >&2
  exit 1
fi
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv || echo "nvidia-smi not found"
# CUDA and cuDNN installed from NVIDIA's packages usually live here.
for dir in /usr/local/cuda/lib64 /usr/local/cuda-13*/lib64 /usr/lib/x86_64-linux-gnu; do
  [ -d "$dir" ] && LD_LIBRARY_PATH="${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}$dir"
done
export LD_LIBRARY_PATH DOTNET_CLI_TELEMETRY_OPTOUT=1
"$out/gpu-check" "${1:-3}"
