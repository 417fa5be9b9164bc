#!/usr/bin/env bash
# Publishes the GPU check self-contained for linux-x64 into .device/gpu-check (ignored by git):
# the .NET runtime, ONNX Runtime with its CUDA provider (Windows natives excluded), the real models.
# Run it on a machine that reaches NuGet; then run-on-device.sh on the GPU machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=.device/gpu-check
rm -rf "$out"
dotnet publish tools/gpu-check/GpuCheck.csproj -c Release -r linux-x64 --self-contained \
  -p:PublishTrimmed=false -p:DebugType=none -o "$out"
# TensorRT's provider needs TensorRT, which the check does not use.
rm -f "$out"/libonnxruntime_providers_tensorrt.so
# The check runs MiniLM and a generated model only.
rm -rf "$out"/models/resnet18
du -sh "$out"
du -h "$out"/libonnxruntime*.so "$out"/models/*/* 2>/dev/null | sort -h | tail -5
echo "built $out: run tools/gpu-check/run-on-device.sh on the GPU machine"
